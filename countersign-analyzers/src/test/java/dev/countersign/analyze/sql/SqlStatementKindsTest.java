package dev.countersign.analyze.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each statement kind, in both dialects, to its effects: KIND verb resource-type address. */
class SqlStatementKindsTest {

  static Stream<Arguments> both() {
    return Stream.of(
        row("DROP TABLE orders", "DROP TABLE delete sql-table orders"),
        row(
            "DROP TABLE IF EXISTS a, b",
            "DROP TABLE delete sql-table a; DROP TABLE delete sql-table b"),
        row("drop table shop.orders", "DROP TABLE delete sql-table shop.orders"),
        row("DROP VIEW v", "DROP VIEW delete sql-view v"),
        row("DROP INDEX idx_a", "DROP INDEX delete sql-index idx_a"),
        row("DROP FUNCTION f", "DROP FUNCTION delete sql-function f"),
        row("DROP PROCEDURE p", "DROP PROCEDURE delete sql-procedure p"),
        row("DROP TRIGGER t", "DROP TRIGGER delete sql-trigger t"),
        row("DROP DATABASE prod", "DROP DATABASE delete sql-database prod"),
        row("DROP SCHEMA shop", "DROP SCHEMA delete sql-schema shop"),
        row("DROP SEQUENCE s", "DROP SEQUENCE delete sql-sequence s"),
        row("DROP USER bob", "DROP ROLE delete sql-role bob"),
        row("TRUNCATE TABLE logs", "TRUNCATE delete sql-rows logs"),
        row("TRUNCATE logs", "TRUNCATE delete sql-rows logs"),
        row("DELETE FROM sessions", "DELETE FROM (no WHERE) delete sql-rows sessions"),
        row("DELETE FROM s WHERE id = 1", "DELETE FROM ... WHERE delete sql-rows s"),
        row(
            "DELETE FROM s WHERE id IN (SELECT id FROM t WHERE x = 1)",
            "DELETE FROM ... WHERE delete sql-rows s"),
        row("UPDATE users SET admin = 1", "UPDATE (no WHERE) update sql-rows users"),
        row("UPDATE users SET admin = 1 WHERE id = 7", "UPDATE ... WHERE update sql-rows users"),
        row(
            "UPDATE users SET n = (SELECT max(n) FROM t WHERE t.id = users.id)",
            "UPDATE (no WHERE) update sql-rows users"),
        row("INSERT INTO t (a) VALUES (1)", "INSERT create sql-rows t"),
        row("CREATE TABLE t (id int)", "CREATE TABLE create sql-table t"),
        row("CREATE INDEX i ON t (a)", "CREATE INDEX create sql-index i"),
        row("CREATE VIEW v AS SELECT 1", "CREATE VIEW create sql-view v"),
        row("CREATE SCHEMA s", "CREATE SCHEMA create sql-schema s"),
        row("CREATE DATABASE d", "CREATE DATABASE create sql-database d"),
        row("ALTER TABLE t ADD COLUMN c int", "CREATE COLUMN create sql-column t.c"),
        row("ALTER TABLE t DROP COLUMN c", "DROP COLUMN delete sql-column t.c"),
        row("ALTER TABLE t DROP CONSTRAINT fk", "DROP CONSTRAINT delete sql-constraint t.fk"),
        row("ALTER TABLE t RENAME COLUMN a TO b", "RENAME COLUMN update sql-column t.a"),
        row("ALTER TABLE t RENAME TO u", "RENAME TO update sql-table t"),
        row("SELECT * FROM t", "SELECT read sql-rows"),
        row("COMMIT", "COMMIT noop sql-session"),
        row("GRANT SELECT ON t TO bob", "GRANT update sql-privilege"),
        row("CALL cleanup()", "CALL exec sql-procedure cleanup"),
        row("FLIBBERTY gibbet", "UNKNOWN FLIBBERTY exec sql-statement"));
  }

  static Stream<Arguments> postgres() {
    return Stream.of(
        row(
            "ALTER TABLE t ALTER COLUMN v TYPE varchar(1024)",
            "ALTER COLUMN V TYPE update sql-column t.v"),
        row(
            "ALTER TABLE t ALTER v SET DATA TYPE bigint",
            "ALTER COLUMN V TYPE update sql-column t.v"),
        row("ALTER TABLE t ALTER COLUMN v DROP NOT NULL", "ALTER COLUMN update sql-column t.v"),
        row("ALTER TABLE t RENAME a TO b", "RENAME COLUMN update sql-column t.a"),
        row("ALTER TABLE t DROP a", "DROP COLUMN delete sql-column t.a"),
        row("ALTER TABLE \"Big\" DROP COLUMN \"Col\"", "DROP COLUMN delete sql-column Big.Col"),
        row("DROP TABLE \"Orders\"", "DROP TABLE delete sql-table Orders"),
        row("DROP TABLE Orders", "DROP TABLE delete sql-table orders"),
        row("DROP MATERIALIZED VIEW mv", "DROP MATERIALIZED VIEW delete sql-materialized-view mv"),
        row("DROP TYPE mood", "DROP TYPE delete sql-type mood"),
        row("DROP EXTENSION hstore", "DROP EXTENSION delete sql-extension hstore"),
        row("DROP TRIGGER t ON x", "DROP TRIGGER delete sql-trigger t"),
        row("DROP INDEX CONCURRENTLY IF EXISTS i", "DROP INDEX delete sql-index i"),
        row("DROP OWNED BY app", "DROP OWNED delete sql-object app"),
        row(
            "TRUNCATE ONLY a, b RESTART IDENTITY",
            "TRUNCATE delete sql-rows a; TRUNCATE delete sql-rows b"),
        row("DELETE FROM j USING p WHERE j.p = p.id", "DELETE FROM ... WHERE delete sql-rows j"),
        row(
            "INSERT INTO t VALUES (1) ON CONFLICT (id) DO UPDATE SET a = 1",
            "UPSERT update sql-rows t"),
        row("INSERT INTO t VALUES (1) ON CONFLICT DO NOTHING", "INSERT create sql-rows t"),
        row(
            "WITH d AS (DELETE FROM o WHERE old RETURNING *) SELECT * FROM d",
            "DELETE FROM ... WHERE delete sql-rows o; SELECT read sql-rows"),
        row("SELECT * INTO backup FROM t", "CREATE TABLE create sql-table backup"),
        row("EXPLAIN ANALYZE DELETE FROM t", "DELETE FROM (no WHERE) delete sql-rows t"),
        row("EXPLAIN DELETE FROM t", "EXPLAIN read sql-rows"),
        row("COPY t FROM stdin", "COPY FROM create sql-rows t"),
        row("COPY t TO '/tmp/x'", "COPY TO read sql-rows t"),
        row("COPY t FROM PROGRAM 'curl x'", "COPY PROGRAM exec sql-statement t"),
        row("ALTER TABLE t SET SCHEMA archive", "SET SCHEMA update sql-table t"),
        row("ALTER INDEX i RENAME TO j", "RENAME TO update sql-index i"),
        row("CREATE OR REPLACE VIEW v AS SELECT 1", "CREATE OR REPLACE VIEW update sql-view v"),
        row(
            "MERGE INTO t USING s ON t.id = s.id WHEN MATCHED THEN DELETE",
            "MERGE ... DELETE delete sql-rows t"),
        row("\\i other.sql", "\\i exec sql-script other.sql"),
        row("\\connect prod", "\\connect noop sql-session"));
  }

  static Stream<Arguments> mysql() {
    return Stream.of(
        row("ALTER TABLE t MODIFY c VARCHAR(10)", "ALTER COLUMN C TYPE update sql-column t.c"),
        row("ALTER TABLE t MODIFY COLUMN c INT", "ALTER COLUMN C TYPE update sql-column t.c"),
        row(
            "ALTER TABLE t CHANGE a b INT",
            "RENAME COLUMN update sql-column t.a; ALTER COLUMN B TYPE update sql-column t.b"),
        row("ALTER TABLE t CHANGE a a BIGINT", "ALTER COLUMN A TYPE update sql-column t.a"),
        row(
            "ALTER TABLE t DROP PRIMARY KEY",
            "DROP CONSTRAINT delete sql-constraint t.PRIMARY KEY"),
        row("ALTER TABLE t DROP FOREIGN KEY fk", "DROP CONSTRAINT delete sql-constraint t.fk"),
        row("ALTER TABLE t DROP INDEX i", "DROP INDEX delete sql-index i"),
        row("ALTER TABLE t DROP PARTITION p1", "DROP PARTITION delete sql-partition t.p1"),
        row("ALTER TABLE t TRUNCATE PARTITION p1", "TRUNCATE PARTITION delete sql-partition t.p1"),
        row("ALTER TABLE t RENAME AS u", "RENAME TO update sql-table t"),
        row(
            "RENAME TABLE a TO b, c TO d",
            "RENAME TO update sql-table a; RENAME TO update sql-table c"),
        row("DROP TABLE `Orders`", "DROP TABLE delete sql-table Orders"),
        row("DROP TABLE `db`.`t`", "DROP TABLE delete sql-table db.t"),
        row("DROP TABLE Orders", "DROP TABLE delete sql-table Orders"),
        row(
            "DELETE t1, t2 FROM t1 JOIN t2 ON t1.id = t2.id",
            "DELETE FROM (no WHERE) delete sql-rows t1; DELETE FROM (no WHERE) delete sql-rows t2"),
        row("DELETE LOW_PRIORITY FROM t WHERE a = 1", "DELETE FROM ... WHERE delete sql-rows t"),
        row("REPLACE INTO kv VALUES (1, 'a')", "REPLACE update sql-rows kv"),
        row("INSERT INTO kv VALUES (1) ON DUPLICATE KEY UPDATE v = 2", "UPSERT update sql-rows kv"),
        row("LOAD DATA INFILE '/x.csv' INTO TABLE imports", "LOAD DATA create sql-rows imports"),
        row(
            "ALTER TABLE t CONVERT TO CHARACTER SET utf8mb4",
            "CONVERT TO CHARACTER SET update sql-table t"),
        row("USE shop", "USE noop sql-session"));
  }

  private static Arguments row(String sql, String expected) {
    return Arguments.of(sql, expected);
  }

  @ParameterizedTest(name = "[postgresql] {0}")
  @MethodSource({"both", "postgres"})
  void postgresStatement_hasItsEffects(String sql, String expected) {
    assertThat(Sql.effects(Sql.pg(sql))).isEqualTo(expected);
  }

  @ParameterizedTest(name = "[mysql] {0}")
  @MethodSource({"both", "mysql"})
  void mysqlStatement_hasItsEffects(String sql, String expected) {
    assertThat(Sql.effects(Sql.my(sql))).isEqualTo(expected);
  }
}
