package dev.countersign.analyze.sql;

import dev.countersign.analyze.sql.RawStatement.Literal;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the body of a routine, trigger, event or rule that a statement creates: code that does not
 * run now, but each time the routine is called or the trigger fires. Its statements are findings,
 * never actions of this change.
 *
 * <p>PostgreSQL: the dollar-quoted (or quoted) body of {@code CREATE FUNCTION/PROCEDURE} in {@code
 * plpgsql} or {@code sql}, a {@code BEGIN ATOMIC} body, and the commands of {@code CREATE RULE}.
 * MySQL: the body of {@code CREATE PROCEDURE/FUNCTION}, of {@code CREATE TRIGGER … FOR EACH ROW}
 * and of {@code CREATE EVENT … DO}.
 */
final class RoutineBodies {

  /**
   * A body and where it is.
   *
   * @param text the body's text
   * @param line the input line its text starts on
   * @param owner what it belongs to, e.g. {@code function audit.purge}
   */
  record Body(String text, int line, String owner) {}

  private static final Set<String> ROUTINES =
      Set.of("FUNCTION", "PROCEDURE", "TRIGGER", "EVENT", "RULE");
  private static final Set<String> MYSQL_BODY_START =
      Set.of(
          "BEGIN",
          "RETURN",
          "DELETE",
          "UPDATE",
          "INSERT",
          "REPLACE",
          "DROP",
          "TRUNCATE",
          "ALTER",
          "CREATE",
          "SELECT",
          "CALL",
          "SET",
          "IF",
          "WHILE",
          "LOOP",
          "REPEAT",
          "CASE",
          "DECLARE",
          "WITH",
          "RENAME");
  private static final int LOOKAHEAD = 16;

  private RoutineBodies() {}

  /** The deferred body this statement creates, if it has one Countersign can read. */
  static Optional<Body> of(RawStatement s, SqlDialect dialect) {
    Cursor c = Cursor.of(s, dialect);
    if (!c.accept("CREATE")) {
      return Optional.empty();
    }
    String type = "";
    for (int n = 0; n < LOOKAHEAD && !c.atEnd() && !c.peekSymbol("("); n++) {
      String w = c.peek();
      c.skip();
      if (ROUTINES.contains(w)) {
        type = w;
        break;
      }
    }
    if (type.isEmpty()) {
      return Optional.empty();
    }
    c.acceptAll("IF", "NOT", "EXISTS");
    String owner = type.toLowerCase(Locale.ROOT) + " " + c.name();
    int bodyStart = dialect == SqlDialect.MYSQL ? mysqlBody(c, type) : postgresBody(c, s, type);
    if (bodyStart < 0 || bodyStart >= s.code().length()) {
      return Optional.empty();
    }
    if (dialect == SqlDialect.POSTGRESQL && type.matches("FUNCTION|PROCEDURE")) {
      Optional<Literal> literal = s.literalAt(bodyStart);
      if (literal.isPresent()) {
        String text = literal.get().content(s.code());
        if (literal.get().kind() == Literal.Kind.STRING) {
          text = text.replace("''", "'");
        }
        return Optional.of(new Body(text, s.lineAt(bodyStart), owner));
      }
    }
    String text = s.code().substring(bodyStart);
    if (type.equals("RULE") && text.startsWith("(") && text.endsWith(")")) {
      return Optional.of(
          new Body(text.substring(1, text.length() - 1), s.lineAt(bodyStart), owner));
    }
    return Optional.of(new Body(text, s.lineAt(bodyStart), owner));
  }

  /** The offset of a PostgreSQL body: a literal's content, BEGIN ATOMIC, or a rule's commands. */
  private static int postgresBody(Cursor c, RawStatement s, String type) {
    if (type.equals("RULE")) {
      int doAt = c.indexAtDepth("DO");
      if (doAt < 0) {
        return -1;
      }
      Cursor after = c.range(doAt + 1, c.end());
      after.accept("ALSO", "INSTEAD");
      return after.tokenStart();
    }
    if (!type.equals("FUNCTION") && !type.equals("PROCEDURE")) {
      return -1;
    }
    int language = c.indexAtDepth("LANGUAGE");
    if (language >= 0) {
      String lang = c.range(language + 1, c.end()).peek();
      if (!lang.isEmpty() && !lang.equals("PLPGSQL") && !lang.equals("SQL")) {
        return -1;
      }
    }
    for (Literal l : s.literals()) {
      if (l.kind() == Literal.Kind.DOLLAR) {
        return l.start();
      }
    }
    int as = c.indexAtDepth("AS");
    if (as >= 0) {
      Cursor after = c.range(as + 1, c.end());
      if (after.peekString()) {
        int open = after.tokenStart();
        return s.literals().stream()
            .filter(l -> l.start() == open + 1)
            .mapToInt(Literal::start)
            .findFirst()
            .orElse(-1);
      }
    }
    int begin = c.indexAtDepth("ATOMIC");
    return begin < 0 ? -1 : c.range(begin + 1, c.end()).tokenStart();
  }

  /** The offset of a MySQL body: after FOR EACH ROW, after an event's DO, after the parameters. */
  private static int mysqlBody(Cursor c, String type) {
    switch (type) {
      case "TRIGGER" -> {
        int row = c.indexAtDepth("ROW");
        if (row < 0) {
          return -1;
        }
        Cursor after = c.range(row + 1, c.end());
        if (after.accept("FOLLOWS", "PRECEDES")) {
          after.name();
        }
        return after.tokenStart();
      }
      case "EVENT" -> {
        int doAt = c.indexAtDepth("DO");
        return doAt < 0 ? -1 : c.range(doAt + 1, c.end()).tokenStart();
      }
      case "FUNCTION", "PROCEDURE" -> {
        c.skipGroup();
        while (!c.atEnd() && !MYSQL_BODY_START.contains(c.peek())) {
          c.skip();
        }
        return c.atEnd() ? -1 : c.tokenStart();
      }
      default -> {
        return -1;
      }
    }
  }
}
