package dev.countersign.store;

import static java.util.Objects.requireNonNull;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** Principals in the {@code principals} table. */
final class JdbcPrincipals implements Principals {
  private static final String COLUMNS = "id, kind, definition_json, updated_at";

  private final JdbcTx tx;

  JdbcPrincipals(JdbcTx tx) {
    this.tx = tx;
  }

  @Override
  public void upsert(PrincipalRecord p) {
    requireNonNull(p, "principal");
    Sql.call(
        "save principal",
        () -> {
          int updated =
              Sql.update(
                  tx.writeConnection(),
                  "UPDATE principals SET kind = ?, definition_json = ?, updated_at = ? WHERE id ="
                      + " ?",
                  p.kind(),
                  p.definitionJson(),
                  p.updatedAt(),
                  p.id());
          if (updated == 0) {
            Sql.update(
                tx.writeConnection(),
                "INSERT INTO principals (" + COLUMNS + ") VALUES (?, ?, ?, ?)",
                p.id(),
                p.kind(),
                p.definitionJson(),
                p.updatedAt());
          }
          return updated;
        });
  }

  @Override
  public Optional<PrincipalRecord> get(String id) {
    return Sql.call(
        "read principal",
        () ->
            Sql.one(
                tx.connection(),
                "SELECT " + COLUMNS + " FROM principals WHERE id = ?",
                JdbcPrincipals::read,
                id));
  }

  @Override
  public List<PrincipalRecord> list() {
    return Sql.call(
        "list principals",
        () ->
            Sql.list(
                tx.connection(),
                "SELECT " + COLUMNS + " FROM principals ORDER BY id",
                JdbcPrincipals::read));
  }

  @Override
  public boolean delete(String id) {
    return Sql.call(
        "delete principal",
        () -> Sql.update(tx.writeConnection(), "DELETE FROM principals WHERE id = ?", id) > 0);
  }

  private static PrincipalRecord read(ResultSet rs) throws SQLException {
    return new PrincipalRecord(
        Sql.text(rs, "id"),
        Sql.text(rs, "kind"),
        Sql.text(rs, "definition_json"),
        Sql.instant(rs, "updated_at"));
  }
}
