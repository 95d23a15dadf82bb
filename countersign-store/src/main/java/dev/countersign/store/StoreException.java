package dev.countersign.store;

import static java.util.Objects.requireNonNull;

/**
 * A store operation failed; {@link #reason()} says how, and the message is a short sentence that
 * never contains SQL. The JDBC cause, if any, is kept for logs only.
 */
public final class StoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** How an operation failed, so callers can map it (e.g. to an HTTP status) without parsing. */
  public enum Reason {
    /** The row the operation needs does not exist. */
    NOT_FOUND,
    /** A row with the same key already exists. */
    DUPLICATE,
    /** A concurrent transaction conflicted (deadlock or serialization); retrying may succeed. */
    CONCURRENT,
    /** A value broke a constraint (too long, missing reference, bad argument). */
    INVALID,
    /** The database could not be reached, or a lock was not granted in time. */
    UNAVAILABLE,
    /** Anything else. */
    FAILED
  }

  private final Reason reason;

  /** Creates an exception with a short, SQL-free message. */
  public StoreException(Reason reason, String message) {
    super(message);
    this.reason = requireNonNull(reason, "reason");
  }

  /** Creates an exception with a short, SQL-free message and the cause for logs. */
  public StoreException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = requireNonNull(reason, "reason");
  }

  /** How the operation failed. */
  public Reason reason() {
    return reason;
  }
}
