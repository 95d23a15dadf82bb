package dev.countersign.store;

/** The few places where H2 and PostgreSQL need different SQL. */
enum Dialect {
  H2(
      "CHARACTER LARGE OBJECT",
      "SELECT last_seq FROM FINAL TABLE"
          + " (UPDATE audit_head SET last_seq = last_seq + 1 WHERE id = 1)"),
  POSTGRESQL(
      "TEXT", "UPDATE audit_head SET last_seq = last_seq + 1 WHERE id = 1 RETURNING last_seq");

  private final String clobType;
  private final String nextAuditSeq;

  Dialect(String clobType, String nextAuditSeq) {
    this.clobType = clobType;
    this.nextAuditSeq = nextAuditSeq;
  }

  static Dialect of(StoreConfig config) {
    return config.isH2() ? H2 : POSTGRESQL;
  }

  /** The column type for text of any length, kept out of the row pages on H2. */
  String clobType() {
    return clobType;
  }

  /**
   * One statement that increments the audit head under its row lock and returns the new value, so
   * no separate read can see a stale head.
   */
  String nextAuditSeq() {
    return nextAuditSeq;
  }
}
