package dev.countersign.analyze.sql;

import dev.countersign.model.Verb;
import java.util.ArrayList;
import java.util.List;

/**
 * The keyword reading of statements on rows: TRUNCATE, DELETE, UPDATE, INSERT/REPLACE, MERGE, COPY
 * and LOAD DATA. A WHERE clause counts only at the statement's own level, not inside a subquery.
 */
final class Dml {

  private Dml() {}

  /** TRUNCATE [TABLE] [ONLY] name [*], … [CASCADE]. */
  static void truncate(Cursor c, List<Effect> effects) {
    c.skip();
    boolean cascade = c.containsAtDepth("CASCADE");
    c.accept("TABLE");
    do {
      c.accept("ONLY");
      String name = c.name();
      c.accept("*");
      effects.add(Effect.truncate(name, cascade));
    } while (c.accept(","));
  }

  /** DELETE [FROM] [ONLY] name … [WHERE …]; MySQL's DELETE t1, t2 FROM … names several. */
  static void delete(Cursor c, List<Effect> effects) {
    c.skip();
    while (c.accept("LOW_PRIORITY", "QUICK", "IGNORE")) {
      // modifiers
    }
    boolean where = c.containsAtDepth("WHERE");
    List<String> tables = new ArrayList<>();
    if (c.accept("FROM")) {
      c.accept("ONLY");
      tables.add(c.name());
    } else {
      while (!c.atEnd() && !c.peek().equals("FROM")) {
        String name = c.name();
        if (name.isEmpty()) {
          c.skip();
        } else {
          tables.add(name);
        }
        c.accept(".");
        c.accept("*");
        c.accept(",");
      }
    }
    if (tables.isEmpty()) {
      tables.add("");
    }
    for (String t : tables) {
      effects.add(Effect.delete(t, where));
    }
  }

  /** UPDATE [ONLY] name … SET … [WHERE …]. */
  static void update(Cursor c, List<Effect> effects) {
    c.skip();
    while (c.accept("LOW_PRIORITY", "IGNORE", "ONLY")) {
      // modifiers
    }
    boolean where = c.containsAtDepth("WHERE");
    effects.add(Effect.update(c.name(), where));
  }

  /** INSERT [INTO] name …; an upsert (ON CONFLICT DO UPDATE, ON DUPLICATE KEY, REPLACE) updates. */
  static void insert(Cursor c, List<Effect> effects) {
    String first = c.peek();
    c.skip();
    while (c.accept("LOW_PRIORITY", "DELAYED", "HIGH_PRIORITY", "IGNORE")) {
      // modifiers
    }
    boolean upsert =
        !first.equals("INSERT")
            || c.containsAtDepth("DUPLICATE")
            || (c.containsAtDepth("CONFLICT") && c.containsAtDepth("UPDATE"));
    c.accept("INTO");
    c.accept("TABLE");
    String table = c.name();
    if (upsert) {
      String kind = first.equals("INSERT") ? "UPSERT" : first;
      effects.add(Effect.of(kind, Verb.UPDATE, SqlObject.ROWS, table));
    } else {
      effects.add(Effect.of("INSERT", Verb.CREATE, SqlObject.ROWS, table));
    }
  }

  /** MERGE INTO name …: updates rows, and deletes them when a branch says THEN DELETE. */
  static void merge(Cursor c, List<Effect> effects) {
    c.skip();
    c.accept("INTO");
    String table = c.name();
    boolean deletes = c.containsAnywhere("DELETE");
    effects.add(
        Effect.of(
            deletes ? "MERGE ... DELETE" : "MERGE",
            deletes ? Verb.DELETE : Verb.UPDATE,
            SqlObject.ROWS,
            table));
  }

  /** COPY name FROM … loads rows; COPY … TO reads; COPY … PROGRAM runs a command on the server. */
  static void copy(Cursor c, List<Effect> effects) {
    c.skip();
    boolean program = c.containsAtDepth("PROGRAM");
    String table = c.peekSymbol("(") ? "" : c.name();
    c.skipGroup();
    if (program) {
      effects.add(Effect.exec("COPY PROGRAM", SqlObject.STATEMENT, table));
    } else if (c.accept("FROM")) {
      effects.add(Effect.of("COPY FROM", Verb.CREATE, SqlObject.ROWS, table));
    } else {
      effects.add(Effect.of("COPY TO", Verb.READ, SqlObject.ROWS, table));
    }
  }

  /** MySQL's LOAD DATA … INTO TABLE name loads rows; PostgreSQL's LOAD loads a library (exec). */
  static void load(Cursor c, List<Effect> effects) {
    c.skip();
    if (!c.accept("DATA", "XML")) {
      effects.add(Effect.exec("LOAD", SqlObject.STATEMENT, ""));
      return;
    }
    int into = c.indexAtDepth("INTO");
    Cursor t = c.range(into < 0 ? c.end() : into + 1, c.end());
    t.accept("TABLE");
    effects.add(Effect.of("LOAD DATA", Verb.CREATE, SqlObject.ROWS, t.name()));
  }
}
