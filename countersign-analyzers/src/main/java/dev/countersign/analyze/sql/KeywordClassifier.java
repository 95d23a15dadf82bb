package dev.countersign.analyze.sql;

import dev.countersign.model.Verb;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Classifies a statement by its keywords, read from the masked text only (never from comments,
 * strings or quoted identifiers): the fallback for statements JSqlParser cannot parse, and the
 * reader of statement kinds JSqlParser does not model in detail.
 *
 * <p>A statement it does not know is an {@code exec}, so that it is reviewed, never dropped.
 */
final class KeywordClassifier {

  private static final Set<String> SESSION =
      Set.of(
          "SET",
          "RESET",
          "BEGIN",
          "START",
          "COMMIT",
          "END",
          "ROLLBACK",
          "ABORT",
          "SAVEPOINT",
          "RELEASE",
          "USE",
          "LOCK",
          "UNLOCK",
          "DISCARD",
          "LISTEN",
          "UNLISTEN",
          "NOTIFY",
          "DEALLOCATE",
          "PREPARE",
          "FETCH",
          "MOVE",
          "CLOSE",
          "DECLARE",
          "CHECKPOINT",
          "FLUSH",
          "VACUUM",
          "ANALYZE",
          "ANALYSE",
          "OPTIMIZE",
          "CHECK",
          "CHECKSUM",
          "REPAIR",
          "KILL",
          "HANDLER",
          "XA",
          "RAISE",
          "RETURN",
          "NULL",
          "EXIT",
          "CONTINUE",
          "LEAVE",
          "ITERATE",
          "GET",
          "SIGNAL",
          "RESIGNAL",
          "OPEN");

  /** The kind of {@code EXECUTE} of a string: SQL built at run time. */
  static final String DYNAMIC_SQL = "DYNAMIC SQL";

  private static final Set<String> STATEMENTS =
      Set.of(
          "DROP",
          "CREATE",
          "ALTER",
          "TRUNCATE",
          "DELETE",
          "UPDATE",
          "INSERT",
          "REPLACE",
          "UPSERT",
          "MERGE",
          "COPY",
          "LOAD",
          "WITH",
          "RENAME",
          "GRANT",
          "REVOKE",
          "COMMENT",
          "SECURITY",
          "REFRESH",
          "REINDEX",
          "CLUSTER",
          "CALL",
          "EXEC",
          "EXECUTE",
          "DO",
          "PERFORM");
  private static final Set<String> READS =
      Set.of("SELECT", "SHOW", "DESCRIBE", "DESC", "TABLE", "VALUES", "EXPLAIN", "HELP");

  private KeywordClassifier() {}

  /**
   * The effects of one statement.
   *
   * @param procedural whether the statement sits in a PL/pgSQL or stored-program body, where {@code
   *     SELECT … INTO} assigns variables instead of creating a table
   */
  static List<Effect> classify(RawStatement statement, SqlDialect dialect, boolean procedural) {
    if (statement.code().startsWith("\\")) {
      return MetaCommands.classify(statement.code());
    }
    Cursor c = Cursor.of(statement, dialect);
    while (c.peekSymbol("(")) {
      c.skip();
    }
    return classify(c.rest(), procedural);
  }

  static List<Effect> classify(Cursor c, boolean procedural) {
    String first = c.peek();
    List<Effect> effects = new ArrayList<>();
    switch (first) {
      case "DROP" -> DropCreate.drop(c, effects);
      case "CREATE" -> DropCreate.create(c, effects);
      case "ALTER" -> AlterClauses.alter(c, effects);
      case "TRUNCATE" -> Dml.truncate(c, effects);
      case "DELETE" -> Dml.delete(c, effects);
      case "UPDATE" -> Dml.update(c, effects);
      case "INSERT", "REPLACE", "UPSERT" -> Dml.insert(c, effects);
      case "MERGE" -> Dml.merge(c, effects);
      case "COPY" -> Dml.copy(c, effects);
      case "LOAD" -> Dml.load(c, effects);
      case "WITH" -> with(c, procedural, effects);
      case "RENAME" -> AlterClauses.renameTables(c, effects);
      case "GRANT", "REVOKE" -> effects.add(Effect.of(first, Verb.UPDATE, SqlObject.PRIVILEGE, ""));
      case "COMMENT", "SECURITY" ->
          effects.add(Effect.of(first, Verb.UPDATE, SqlObject.OBJECT, ""));
      case "REFRESH", "REINDEX", "CLUSTER" ->
          effects.add(Effect.of(first, Verb.UPDATE, SqlObject.TABLE, ""));
      case "CALL", "EXEC", "EXECUTE", "DO" -> call(c, effects);
      case "PERFORM" -> effects.add(Effect.of("PERFORM", Verb.READ, SqlObject.ROWS, ""));
      case "EXPLAIN" -> explain(c, procedural, effects);
      case "SELECT" -> select(c, procedural, effects);
      default -> other(c, first, effects);
    }
    return effects;
  }

  private static void other(Cursor c, String first, List<Effect> effects) {
    if (READS.contains(first)) {
      effects.add(Effect.of(first, Verb.READ, SqlObject.ROWS, ""));
    } else if (SESSION.contains(first)) {
      effects.add(Effect.of(first, Verb.NOOP, SqlObject.SESSION, ""));
    } else {
      String word = first.isEmpty() ? "statement" : first;
      effects.add(Effect.exec("UNKNOWN " + word, SqlObject.STATEMENT, ""));
    }
  }

  private static void call(Cursor c, List<Effect> effects) {
    String word = c.peek();
    c.skip();
    c.accept("IMMEDIATE", "PROCEDURE", "FUNCTION");
    String name = c.name();
    if (name.isEmpty() && (word.equals("EXECUTE") || word.equals("EXEC"))) {
      effects.add(Effect.exec(DYNAMIC_SQL, SqlObject.STATEMENT, ""));
    } else {
      effects.add(Effect.exec(word, SqlObject.PROCEDURE, name));
    }
  }

  /**
   * Whether a statement can start with this keyword; in a procedural body, anything else is an
   * assignment or a declaration.
   */
  static boolean startsStatement(String word) {
    return STATEMENTS.contains(word) || READS.contains(word) || SESSION.contains(word);
  }

  /** EXPLAIN reads, unless ANALYZE makes it run the statement. */
  private static void explain(Cursor c, boolean procedural, List<Effect> effects) {
    c.skip();
    boolean analyze = c.accept("ANALYZE", "ANALYSE");
    if (c.peekSymbol("(")) {
      analyze |= c.range(c.index(), c.groupEnd()).containsAnywhere("ANALYZE");
      c.skipGroup();
    }
    while (!c.atEnd() && !isStatementStart(c.peek())) {
      c.skip();
    }
    if (analyze && !c.atEnd()) {
      effects.addAll(classify(c.rest(), procedural));
    } else {
      effects.add(Effect.of("EXPLAIN", Verb.READ, SqlObject.ROWS, ""));
    }
  }

  private static boolean isStatementStart(String word) {
    return Set.of("SELECT", "INSERT", "UPDATE", "DELETE", "WITH", "MERGE", "VALUES", "TABLE")
        .contains(word);
  }

  /** SELECT reads; PostgreSQL's top-level SELECT … INTO t creates a table. */
  private static void select(Cursor c, boolean procedural, List<Effect> effects) {
    int into = c.indexAtDepth("INTO");
    if (!procedural && c.dialect() == SqlDialect.POSTGRESQL && into >= 0) {
      Cursor t = c.range(into + 1, c.end());
      t.accept("TEMPORARY", "TEMP", "UNLOGGED");
      t.accept("TABLE");
      effects.add(Effect.create(SqlObject.TABLE, t.name(), false));
      return;
    }
    effects.add(Effect.of("SELECT", Verb.READ, SqlObject.ROWS, ""));
  }

  /** WITH …: the main statement, and any data-modifying statement inside a CTE. */
  private static void with(Cursor c, boolean procedural, List<Effect> effects) {
    c.skip();
    c.accept("RECURSIVE");
    while (!c.atEnd()) {
      c.name();
      c.skipGroup();
      c.accept("AS");
      c.acceptAll("NOT", "MATERIALIZED");
      c.accept("MATERIALIZED");
      int start = c.groupStart();
      if (start < 0) {
        break;
      }
      int end = c.groupEnd();
      Cursor body = c.range(start, end);
      if (Set.of("DELETE", "UPDATE", "INSERT", "MERGE").contains(body.peek())) {
        effects.addAll(classify(body, procedural));
      }
      c.skipGroup();
      if (!c.accept(",")) {
        break;
      }
    }
    if (!c.atEnd()) {
      effects.addAll(classify(c.rest(), procedural));
    }
  }
}
