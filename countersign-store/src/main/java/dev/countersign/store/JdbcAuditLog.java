package dev.countersign.store;

import static java.util.Objects.requireNonNull;

import dev.countersign.store.StoreException.Reason;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * The journal in {@code audit_entries}. The next sequence numbers come from the single row of
 * {@code audit_head}, advanced and read back in one statement under its row lock: a second
 * writer waits until the first commits or rolls back, so numbers are gapless and follow commit
 * order on H2 and PostgreSQL alike. The primary key on {@code seq} is the last line of defence: a
 * duplicate fails the transaction rather than forking the journal.
 */
final class JdbcAuditLog implements AuditLog {
  private final JdbcTx tx;
  private final Dialect dialect;

  JdbcAuditLog(JdbcTx tx, Dialect dialect) {
    this.tx = tx;
    this.dialect = dialect;
  }

  @Override
  public long appendAll(List<Entry> entries) {
    requireNonNull(entries, "entries");
    if (entries.isEmpty()) {
      throw new IllegalArgumentException("nothing to append");
    }
    return Sql.call(
        "append audit entries",
        () -> {
          Connection c = tx.writeConnection();
          long last =
              Sql.one(c, dialect.advanceAuditHead(), rs -> rs.getLong(1), entries.size())
                  .orElseThrow(
                      () -> new StoreException(Reason.FAILED, "audit journal head missing"));
          long seq = last - entries.size() + 1;
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO audit_entries"
                      + " (seq, event_type, actor, subject, payload_json, recorded_at)"
                      + " VALUES (?, ?, ?, ?, ?, ?)")) {
            for (Entry e : entries) {
              Sql.bind(ps, seq++, e.type(), e.actor(), e.subject(), e.payloadJson(), e.at());
              ps.addBatch();
            }
            ps.executeBatch();
          }
          return last;
        });
  }

  @Override
  public List<AuditRecord> range(long fromSeq, int limit) {
    if (limit < 0) {
      throw new IllegalArgumentException("limit must not be negative, was " + limit);
    }
    return Sql.call(
        "read audit entries",
        () ->
            Sql.list(
                tx.connection(),
                "SELECT seq, event_type, actor, subject, payload_json, recorded_at FROM"
                    + " audit_entries WHERE seq >= ? ORDER BY seq FETCH FIRST ? ROWS ONLY",
                JdbcAuditLog::read,
                fromSeq,
                limit));
  }

  @Override
  public long lastSeq() {
    return Sql.call("read audit head", () -> headSeq(tx.connection()));
  }

  @Override
  public SpoolMark spoolMark() {
    return Sql.call(
        "read audit spool mark",
        () ->
            Sql.one(
                    tx.connection(),
                    "SELECT generation, position FROM audit_spool WHERE id = 1",
                    rs -> new SpoolMark(rs.getLong(1), rs.getLong(2)))
                .orElseThrow(() -> new StoreException(Reason.FAILED, "audit spool mark missing")));
  }

  @Override
  public void markSpool(SpoolMark mark) {
    requireNonNull(mark, "mark");
    Sql.call(
        "mark audit spool",
        () ->
            Sql.update(
                tx.writeConnection(),
                "UPDATE audit_spool SET generation = ?, position = ? WHERE id = 1",
                mark.generation(),
                mark.position()));
  }

  private static long headSeq(Connection c) throws SQLException {
    return Sql.one(c, "SELECT last_seq FROM audit_head WHERE id = 1", rs -> rs.getLong(1))
        .orElseThrow(() -> new StoreException(Reason.FAILED, "audit journal head missing"));
  }

  private static AuditRecord read(ResultSet rs) throws SQLException {
    return new AuditRecord(
        rs.getLong("seq"),
        Sql.text(rs, "event_type"),
        Sql.text(rs, "actor"),
        Sql.text(rs, "subject"),
        Sql.text(rs, "payload_json"),
        Sql.instant(rs, "recorded_at"));
  }
}
