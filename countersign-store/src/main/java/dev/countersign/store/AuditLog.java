package dev.countersign.store;

import java.time.Instant;
import java.util.List;

/**
 * The append-only audit journal. Sequence numbers start at 1 and have no gaps; their order is the
 * commit order, so a reader that sees entry {@code n} also sees every entry before it.
 *
 * <p>Appending locks the journal until the transaction ends: append last in a transaction, after
 * taking any other lock (such as {@link Changes#getForUpdate(String)}), and keep it short.
 */
public interface AuditLog {

  /** Appends an entry and returns its sequence number. */
  long append(String type, String actor, String subject, String payloadJson, Instant at);

  /** Up to {@code limit} entries from {@code fromSeq} (inclusive) on, in sequence order. */
  List<AuditRecord> range(long fromSeq, int limit);

  /** The sequence number of the last entry this transaction sees, 0 when the journal is empty. */
  long lastSeq();
}
