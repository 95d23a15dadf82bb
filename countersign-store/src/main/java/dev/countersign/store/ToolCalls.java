package dev.countersign.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Agents' tool calls that were recorded as pending changes, seen from one transaction. Lock the
 * change with {@link Changes#getForUpdate(String)} before {@link #consume}, so that of two retries
 * of one approved call only one passes.
 */
public interface ToolCalls {

  /**
   * Stores a call; its change must exist. Fails with {@link StoreException.Reason#DUPLICATE} if the
   * change already has a call.
   */
  void insert(ToolCallRecord call);

  /** The call recorded as this change, if any. */
  Optional<ToolCallRecord> get(String changeId);

  /** Up to {@code limit} unconsumed calls of this agent with this input digest, newest first. */
  List<ToolCallRecord> unconsumed(String agent, String inputDigest, int limit);

  /** Marks the call consumed; returns false when it was consumed already (or does not exist). */
  boolean consume(String changeId, Instant now);
}
