package dev.countersign.analyze.sql;

import dev.countersign.model.Verb;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The keyword reading of {@code ALTER …} (clause by clause for tables) and MySQL's {@code RENAME
 * TABLE}.
 */
final class AlterClauses {

  private static final Set<String> CONSTRAINTS =
      Set.of("CONSTRAINT", "PRIMARY", "UNIQUE", "FOREIGN", "CHECK", "EXCLUDE");
  private static final Set<String> INDEXES = Set.of("INDEX", "KEY", "FULLTEXT", "SPATIAL");

  private AlterClauses() {}

  /** ALTER TABLE name clause, clause, …; ALTER other-object name … RENAME TO / SET SCHEMA. */
  static void alter(Cursor c, List<Effect> effects) {
    c.skip();
    c.accept("ONLINE", "OFFLINE");
    c.accept("IGNORE");
    if (c.accept("TABLE") || c.acceptAll("FOREIGN", "TABLE")) {
      c.acceptAll("IF", "EXISTS");
      c.accept("ONLY");
      String table = c.name();
      c.accept("*");
      for (Cursor clause : c.rest().splitAtCommas()) {
        clause(table, clause, effects);
      }
      return;
    }
    String word = c.peek();
    Optional<SqlObject> object = DropCreate.objectAt(c);
    if (object.isEmpty()) {
      SqlObject target =
          word.equals("DEFAULT")
              ? SqlObject.PRIVILEGE
              : word.equals("SYSTEM") || word.equals("SESSION")
                  ? SqlObject.SESSION
                  : SqlObject.OBJECT;
      effects.add(Effect.of(("ALTER " + word).strip(), Verb.UPDATE, target, ""));
      return;
    }
    c.acceptAll("IF", "EXISTS");
    String name = c.name();
    c.skipGroup();
    if (c.accept("ON")) {
      c.name();
    }
    if (c.acceptAll("RENAME", "TO")) {
      effects.add(Effect.rename(object.get(), name, c.name()));
    } else if (c.acceptAll("SET", "SCHEMA")) {
      effects.add(new Effect("SET SCHEMA", Verb.UPDATE, object.get(), name, c.name(), false));
    } else {
      effects.add(Effect.of("ALTER " + object.get().words(), Verb.UPDATE, object.get(), name));
    }
  }

  private static void clause(String table, Cursor c, List<Effect> effects) {
    switch (c.peek()) {
      case "DROP" -> drop(table, c, effects);
      case "ALTER" -> alterColumn(table, c, effects);
      case "MODIFY" -> {
        c.skip();
        c.accept("COLUMN");
        effects.add(Effect.typeChange(table, c.name(), "MODIFY"));
      }
      case "CHANGE" -> {
        c.skip();
        c.accept("COLUMN");
        String old = c.name();
        String renamed = c.name();
        if (!renamed.isEmpty() && !renamed.equals(old)) {
          effects.add(Effect.renameIn(SqlObject.COLUMN, table, old, renamed));
        }
        effects.add(Effect.typeChange(table, renamed.isEmpty() ? old : renamed, "CHANGE"));
      }
      case "RENAME" -> rename(table, c, effects);
      case "ADD" -> add(table, c, effects);
      case "TRUNCATE" -> {
        c.skip();
        c.accept("PARTITION");
        effects.add(
            Effect.of(
                "TRUNCATE PARTITION", Verb.DELETE, SqlObject.PARTITION, table + "." + c.name()));
      }
      case "SET" -> {
        if (c.acceptAll("SET", "SCHEMA")) {
          effects.add(
              new Effect("SET SCHEMA", Verb.UPDATE, SqlObject.TABLE, table, c.name(), false));
        } else {
          effects.add(Effect.of("ALTER TABLE", Verb.UPDATE, SqlObject.TABLE, table));
        }
      }
      case "CONVERT" ->
          effects.add(Effect.of("CONVERT TO CHARACTER SET", Verb.UPDATE, SqlObject.TABLE, table));
      default -> effects.add(Effect.of("ALTER TABLE", Verb.UPDATE, SqlObject.TABLE, table));
    }
  }

  private static void drop(String table, Cursor c, List<Effect> effects) {
    c.skip();
    boolean cascade = c.containsAtDepth("CASCADE");
    if (c.accept("CONSTRAINT") || c.accept("CHECK") || c.acceptAll("FOREIGN", "KEY")) {
      c.acceptAll("IF", "EXISTS");
      effects.add(Effect.dropConstraint(table, c.name(), cascade));
    } else if (c.acceptAll("PRIMARY", "KEY")) {
      effects.add(Effect.dropConstraint(table, "PRIMARY KEY", cascade));
    } else if (c.accept("INDEX", "KEY")) {
      c.acceptAll("IF", "EXISTS");
      effects.add(
          new Effect("DROP INDEX", Verb.DELETE, SqlObject.INDEX, c.name(), "on " + table, cascade));
    } else if (c.accept("PARTITION")) {
      effects.add(
          Effect.of("DROP PARTITION", Verb.DELETE, SqlObject.PARTITION, table + "." + c.name()));
    } else if (c.accept("DEFAULT", "PERIOD", "SYSTEM")) {
      effects.add(Effect.of("ALTER TABLE", Verb.UPDATE, SqlObject.TABLE, table));
    } else {
      c.accept("COLUMN");
      c.acceptAll("IF", "EXISTS");
      effects.add(Effect.dropColumn(table, c.name(), cascade));
    }
  }

  /** ALTER [COLUMN] c [SET DATA] TYPE t is a type change; other column changes are updates. */
  private static void alterColumn(String table, Cursor c, List<Effect> effects) {
    c.skip();
    if (c.accept("CONSTRAINT") || c.accept("INDEX")) {
      effects.add(Effect.of("ALTER TABLE", Verb.UPDATE, SqlObject.TABLE, table));
      return;
    }
    c.accept("COLUMN");
    String column = c.name();
    c.acceptAll("SET", "DATA");
    if (c.accept("TYPE")) {
      effects.add(Effect.typeChange(table, column, ""));
    } else {
      effects.add(Effect.of("ALTER COLUMN", Verb.UPDATE, SqlObject.COLUMN, table + "." + column));
    }
  }

  /**
   * RENAME TO/AS t (the table), RENAME [COLUMN] a TO b, RENAME CONSTRAINT/INDEX/KEY a TO b, and
   * MySQL's RENAME t.
   */
  private static void rename(String table, Cursor c, List<Effect> effects) {
    c.skip();
    if (c.accept("TO", "AS")) {
      effects.add(Effect.rename(SqlObject.TABLE, table, c.name()));
      return;
    }
    SqlObject within = SqlObject.COLUMN;
    if (c.accept("CONSTRAINT")) {
      within = SqlObject.CONSTRAINT;
    } else if (c.accept("INDEX", "KEY")) {
      within = SqlObject.INDEX;
    } else {
      c.accept("COLUMN");
    }
    String old = c.name();
    if (c.accept("TO") || within != SqlObject.COLUMN) {
      effects.add(Effect.renameIn(within, table, old, c.name()));
    } else {
      effects.add(Effect.rename(SqlObject.TABLE, table, old));
    }
  }

  private static void add(String table, Cursor c, List<Effect> effects) {
    c.skip();
    String next = c.peek();
    if (CONSTRAINTS.contains(next)) {
      String name = c.accept("CONSTRAINT") ? c.name() : "";
      effects.add(
          Effect.create(SqlObject.CONSTRAINT, table + (name.isEmpty() ? "" : "." + name), false));
    } else if (INDEXES.contains(next)) {
      effects.add(Effect.create(SqlObject.INDEX, table, false));
    } else if (next.equals("PARTITION")) {
      effects.add(Effect.create(SqlObject.PARTITION, table, false));
    } else {
      c.accept("COLUMN");
      c.acceptAll("IF", "NOT", "EXISTS");
      String column = c.peekSymbol("(") ? "" : c.name();
      effects.add(
          Effect.create(SqlObject.COLUMN, column.isEmpty() ? table : table + "." + column, false));
    }
  }

  /** MySQL's RENAME TABLE a TO b, c TO d (and RENAME USER). */
  static void renameTables(Cursor c, List<Effect> effects) {
    c.skip();
    if (!c.accept("TABLE", "TABLES")) {
      effects.add(Effect.of(("RENAME " + c.peek()).strip(), Verb.UPDATE, SqlObject.ROLE, ""));
      return;
    }
    for (Cursor pair : c.rest().splitAtCommas()) {
      String old = pair.name();
      pair.accept("TO");
      effects.add(Effect.rename(SqlObject.TABLE, old, pair.name()));
    }
  }
}
