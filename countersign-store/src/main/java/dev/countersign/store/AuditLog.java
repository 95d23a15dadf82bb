package dev.countersign.store;

import static java.util.Objects.requireNonNull;

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
  /** The longest payload an entry may carry, in characters. */
  int MAX_PAYLOAD_CHARS = 1_000_000;

  /** One entry to append. */
  record Entry(String type, String actor, String subject, String payloadJson, Instant at) {
    public Entry {
      requireNonNull(type, "type");
      requireNonNull(actor, "actor");
      requireNonNull(subject, "subject");
      requireNonNull(payloadJson, "payloadJson");
      requireNonNull(at, "at");
      if (payloadJson.length() > MAX_PAYLOAD_CHARS) {
        throw new IllegalArgumentException(
            "an audit payload may have at most " + MAX_PAYLOAD_CHARS + " characters, this one has "
                + payloadJson.length());
      }
    }
  }

  /** Appends an entry and returns its sequence number. */
  default long append(String type, String actor, String subject, String payloadJson, Instant at) {
    return appendAll(List.of(new Entry(type, actor, subject, payloadJson, at)));
  }

  /**
   * Appends the entries in order, with consecutive sequence numbers, and returns the number of the
   * last; one head update for all of them (group commit of concurrent events).
   */
  long appendAll(List<Entry> entries);

  /** Up to {@code limit} entries from {@code fromSeq} (inclusive) on, in sequence order. */
  List<AuditRecord> range(long fromSeq, int limit);

  /** The sequence number of the last entry this transaction sees, 0 when the journal is empty. */
  long lastSeq();

  /** How far the audit spool has been moved into this log (generation 0, position 0 at first). */
  SpoolMark spoolMark();

  /** Records how far the audit spool has been moved; write it with the entries it covers. */
  void markSpool(SpoolMark mark);
}
