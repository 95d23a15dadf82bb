package dev.countersign.store;

/** The few places where H2 and PostgreSQL need different SQL. */
enum Dialect {
  /**
   * Embedded H2. Every connection writes each commit through ({@code WRITE_DELAY 0}), waits up to
   * 10 s for a row lock, and bypasses H2's query result cache, which can return stale rows under
   * concurrent commits (H2 issues 3894 and 4208): also for H2 URLs not made by {@link
   * StoreConfig#h2File}.
   */
  H2(
      "CHARACTER LARGE OBJECT",
      "CHARACTER VARYING(" + AuditLog.MAX_PAYLOAD_CHARS + ")",
      "SELECT last_seq FROM FINAL TABLE"
          + " (UPDATE audit_head SET last_seq = last_seq + ? WHERE id = 1)",
      "SET WRITE_DELAY 0; SET LOCK_TIMEOUT 10000; SET OPTIMIZE_REUSE_RESULTS FALSE"),

  /**
   * PostgreSQL. Like H2's lock timeout, a stuck lock holder makes waiters fail rather than hang; a
   * node that dies inside a transaction releases its locks within a minute.
   */
  POSTGRESQL(
      "TEXT",
      "TEXT",
      "UPDATE audit_head SET last_seq = last_seq + ? WHERE id = 1 RETURNING last_seq",
      "SET lock_timeout = '10s'; SET idle_in_transaction_session_timeout = '60s'");

  private final String clobType;
  private final String auditTextType;
  private final String advanceAuditHead;
  private final String connectionInitSql;

  Dialect(String clobType, String auditTextType, String advanceAuditHead, String connectionInitSql) {
    this.clobType = clobType;
    this.auditTextType = auditTextType;
    this.advanceAuditHead = advanceAuditHead;
    this.connectionInitSql = connectionInitSql;
  }

  static Dialect of(StoreConfig config) {
    return config.isH2() ? H2 : POSTGRESQL;
  }

  /** The column type for text of any length, kept out of the row pages on H2. */
  String clobType() {
    return clobType;
  }

  /** The column type of audit payloads: bounded text kept in the row on H2. */
  String auditTextType() {
    return auditTextType;
  }

  /**
   * One statement that advances the audit head by its one parameter under the head's row lock and
   * returns the new value, so no separate read can see a stale head.
   */
  String advanceAuditHead() {
    return advanceAuditHead;
  }

  /** Session settings run on every new pooled connection. */
  String connectionInitSql() {
    return connectionInitSql;
  }
}
