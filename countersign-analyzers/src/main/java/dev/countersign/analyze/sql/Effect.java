package dev.countersign.analyze.sql;

import static java.util.Objects.requireNonNull;

import dev.countersign.model.Verb;
import java.util.Locale;

/**
 * One thing a statement does to one object, before it becomes an action.
 *
 * @param kind the statement kind in the words of the corpus, e.g. {@code DROP TABLE}, {@code DELETE
 *     FROM ... WHERE}, {@code ALTER COLUMN V TYPE}
 * @param verb the normalized verb
 * @param object the kind of object acted on
 * @param address the object's qualified name ({@code table.column} for columns), or empty
 * @param detail words for the reviewer: a rename's new name, a trigger's table, …; or empty
 * @param cascade whether the statement says {@code CASCADE} (dependents go too)
 */
record Effect(
    String kind, Verb verb, SqlObject object, String address, String detail, boolean cascade) {

  Effect {
    requireNonNull(kind, "kind");
    requireNonNull(verb, "verb");
    requireNonNull(object, "object");
    requireNonNull(address, "address");
    requireNonNull(detail, "detail");
  }

  static Effect of(String kind, Verb verb, SqlObject object, String address) {
    return new Effect(kind, verb, object, address, "", false);
  }

  /** DROP of a whole object. */
  static Effect drop(SqlObject object, String address, boolean cascade) {
    return new Effect("DROP " + object.words(), Verb.DELETE, object, address, "", cascade);
  }

  /** ALTER TABLE … DROP COLUMN. */
  static Effect dropColumn(String table, String column, boolean cascade) {
    return new Effect(
        "DROP COLUMN", Verb.DELETE, SqlObject.COLUMN, table + "." + column, "", cascade);
  }

  /** ALTER TABLE … DROP CONSTRAINT (and DROP PRIMARY KEY / FOREIGN KEY / CHECK). */
  static Effect dropConstraint(String table, String constraint, boolean cascade) {
    return new Effect(
        "DROP CONSTRAINT",
        Verb.DELETE,
        SqlObject.CONSTRAINT,
        table + "." + constraint,
        "",
        cascade);
  }

  /** TRUNCATE of a table: every row goes. */
  static Effect truncate(String table, boolean cascade) {
    return new Effect("TRUNCATE", Verb.DELETE, SqlObject.ROWS, table, "", cascade);
  }

  /** DELETE of rows, with or without a WHERE clause. */
  static Effect delete(String table, boolean where) {
    return of(
        where ? "DELETE FROM ... WHERE" : "DELETE FROM (no WHERE)",
        Verb.DELETE,
        SqlObject.ROWS,
        table);
  }

  /** UPDATE of rows, with or without a WHERE clause. */
  static Effect update(String table, boolean where) {
    return of(where ? "UPDATE ... WHERE" : "UPDATE (no WHERE)", Verb.UPDATE, SqlObject.ROWS, table);
  }

  /** A change of a column's type, which can lose or reject data. */
  static Effect typeChange(String table, String column, String how) {
    return new Effect(
        "ALTER COLUMN " + column.toUpperCase(Locale.ROOT) + " TYPE",
        Verb.UPDATE,
        SqlObject.COLUMN,
        table + "." + column,
        how,
        false);
  }

  /** RENAME of a table (or another object) to a new name. */
  static Effect rename(SqlObject object, String address, String newName) {
    return new Effect("RENAME TO", Verb.UPDATE, object, address, newName, false);
  }

  /** RENAME COLUMN (or CONSTRAINT, INDEX) within a table. */
  static Effect renameIn(SqlObject object, String table, String oldName, String newName) {
    return new Effect(
        "RENAME " + object.words(), Verb.UPDATE, object, table + "." + oldName, newName, false);
  }

  /** CREATE of an object; {@code OR REPLACE} makes it an update. */
  static Effect create(SqlObject object, String address, boolean orReplace) {
    return orReplace
        ? of("CREATE OR REPLACE " + object.words(), Verb.UPDATE, object, address)
        : of("CREATE " + object.words(), Verb.CREATE, object, address);
  }

  /** A statement Countersign cannot see into (CALL, dynamic SQL, unknown commands). */
  static Effect exec(String kind, SqlObject object, String address) {
    return of(kind, Verb.EXEC, object, address);
  }

  /**
   * Whether the statement kind loses data or breaks the objects' readers: drops, truncates and
   * deletes, renames and column type changes (the kinds {@code DESTRUCTIVE.tsv} lists).
   */
  boolean destructive() {
    return verb.destructive()
        || kind.startsWith("RENAME ")
        || kind.equals("SET SCHEMA")
        || typeChange();
  }

  /** Whether this changes a column's type. */
  boolean typeChange() {
    return kind.startsWith("ALTER COLUMN ") && kind.endsWith(" TYPE");
  }

  /** Whether this renames something. */
  boolean rename() {
    return kind.startsWith("RENAME ") || kind.equals("SET SCHEMA");
  }
}
