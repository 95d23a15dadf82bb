package dev.countersign.store;

/**
 * How far an audit spool file has been moved into the audit log: its generation (a new file gets
 * the next one) and the byte position after the last entry moved.
 */
public record SpoolMark(long generation, long position) {
  public SpoolMark {
    if (generation < 0 || position < 0) {
      throw new IllegalArgumentException("a spool mark's generation and position must not be negative");
    }
  }
}
