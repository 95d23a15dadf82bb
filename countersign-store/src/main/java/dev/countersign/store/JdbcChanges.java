package dev.countersign.store;

import static java.util.Objects.requireNonNull;

import dev.countersign.store.StoreException.Reason;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Changes in the {@code changes} table, with their services in {@code change_services}. */
final class JdbcChanges implements Changes {
  private static final String COLUMNS =
      "id, kind, environment, author, agent, ai_assisted, title, content, digest, analysis_json,"
          + " decision_json, state, created_at, updated_at";

  private final JdbcTx tx;
  private final IdSource ids;

  JdbcChanges(JdbcTx tx, IdSource ids) {
    this.tx = tx;
    this.ids = ids;
  }

  @Override
  public ChangeRecord insert(ChangeRecord change) {
    requireNonNull(change, "change");
    ChangeRecord stored = change.id().isEmpty() ? change.withId(ids.next("ch_")) : change;
    Sql.call(
        "insert change",
        () -> {
          Connection c = tx.writeConnection();
          Sql.update(
              c,
              "INSERT INTO changes ("
                  + COLUMNS
                  + ")"
                  + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
              stored.id(),
              stored.kind(),
              stored.environment(),
              stored.author(),
              stored.agent(),
              stored.aiAssisted(),
              stored.title(),
              stored.content(),
              stored.digest(),
              stored.analysisJson(),
              stored.decisionJson(),
              stored.state(),
              stored.createdAt(),
              stored.updatedAt());
          insertServices(c, stored.id(), stored.services());
          return stored;
        });
    return stored;
  }

  @Override
  public Optional<ChangeRecord> get(String id) {
    return select("read change", "SELECT " + COLUMNS + " FROM changes WHERE id = ?", id, false);
  }

  @Override
  public Optional<ChangeRecord> getForUpdate(String id) {
    return select(
        "lock change", "SELECT " + COLUMNS + " FROM changes WHERE id = ? FOR UPDATE", id, true);
  }

  private Optional<ChangeRecord> select(String operation, String sql, String id, boolean lock) {
    return Sql.call(
        operation,
        () -> {
          Connection c = lock ? tx.writeConnection() : tx.connection();
          Optional<ChangeRecord> row = Sql.one(c, sql, rs -> read(rs, List.of()), id);
          if (row.isEmpty()) {
            return row;
          }
          return Optional.of(withServices(c, row.get()));
        });
  }

  @Override
  public void updateDecision(
      String id, String state, String digest, String decisionJson, Instant now) {
    int updated =
        Sql.call(
            "update change decision",
            () ->
                Sql.update(
                    tx.writeConnection(),
                    "UPDATE changes SET state = ?, digest = ?, decision_json = ?, updated_at = ?"
                        + " WHERE id = ?",
                    state,
                    digest,
                    decisionJson,
                    requireNonNull(now, "now"),
                    id));
    if (updated == 0) {
      throw new StoreException(Reason.NOT_FOUND, "update change decision: no change " + id);
    }
  }

  @Override
  public void update(ChangeRecord ch) {
    requireNonNull(ch, "change");
    int updated =
        Sql.call(
            "update change",
            () -> {
              Connection c = tx.writeConnection();
              int n =
                  Sql.update(
                      c,
                      "UPDATE changes SET kind = ?, environment = ?, author = ?, agent = ?,"
                          + " ai_assisted = ?, title = ?, content = ?, digest = ?, analysis_json ="
                          + " ?, decision_json = ?, state = ?, updated_at = ? WHERE id = ?",
                      ch.kind(),
                      ch.environment(),
                      ch.author(),
                      ch.agent(),
                      ch.aiAssisted(),
                      ch.title(),
                      ch.content(),
                      ch.digest(),
                      ch.analysisJson(),
                      ch.decisionJson(),
                      ch.state(),
                      ch.updatedAt(),
                      ch.id());
              if (n > 0) {
                Sql.update(c, "DELETE FROM change_services WHERE change_id = ?", ch.id());
                insertServices(c, ch.id(), ch.services());
              }
              return n;
            });
    if (updated == 0) {
      throw new StoreException(Reason.NOT_FOUND, "update change: no change " + ch.id());
    }
  }

  @Override
  public List<ChangeRecord> listByState(String state, int limit) {
    if (limit < 0) {
      throw new IllegalArgumentException("limit must not be negative, was " + limit);
    }
    return Sql.call(
        "list changes",
        () -> {
          Connection c = tx.connection();
          List<ChangeRecord> rows =
              Sql.list(
                  c,
                  "SELECT "
                      + COLUMNS
                      + " FROM changes WHERE state = ?"
                      + " ORDER BY created_at, id FETCH FIRST ? ROWS ONLY",
                  rs -> read(rs, List.of()),
                  state,
                  limit);
          List<ChangeRecord> out = new ArrayList<>(rows.size());
          for (ChangeRecord row : rows) {
            out.add(withServices(c, row));
          }
          return out;
        });
  }

  private static void insertServices(Connection c, String changeId, List<String> services)
      throws SQLException {
    for (int i = 0; i < services.size(); i++) {
      Sql.update(
          c,
          "INSERT INTO change_services (change_id, ord, service) VALUES (?, ?, ?)",
          changeId,
          i,
          services.get(i));
    }
  }

  private static ChangeRecord withServices(Connection c, ChangeRecord row) throws SQLException {
    List<String> services =
        Sql.list(
            c,
            "SELECT service FROM change_services WHERE change_id = ? ORDER BY ord",
            rs -> Sql.text(rs, "service"),
            row.id());
    return new ChangeRecord(
        row.id(),
        row.kind(),
        row.environment(),
        services,
        row.author(),
        row.agent(),
        row.aiAssisted(),
        row.title(),
        row.content(),
        row.digest(),
        row.analysisJson(),
        row.decisionJson(),
        row.state(),
        row.createdAt(),
        row.updatedAt());
  }

  private static ChangeRecord read(ResultSet rs, List<String> services) throws SQLException {
    return new ChangeRecord(
        Sql.text(rs, "id"),
        Sql.text(rs, "kind"),
        Sql.text(rs, "environment"),
        services,
        Sql.text(rs, "author"),
        Sql.text(rs, "agent"),
        rs.getBoolean("ai_assisted"),
        Sql.text(rs, "title"),
        Sql.text(rs, "content"),
        Sql.text(rs, "digest"),
        Sql.text(rs, "analysis_json"),
        Sql.text(rs, "decision_json"),
        Sql.text(rs, "state"),
        Sql.instant(rs, "created_at"),
        Sql.instant(rs, "updated_at"));
  }
}
