package dev.countersign.analyze.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Finds the SQL statements inside a procedural body: a PL/pgSQL {@code DO} block or function, or a
 * MySQL stored program. The body is split like a script, then the control flow around each
 * statement ({@code DECLARE}, {@code BEGIN}, {@code IF … THEN}, {@code ELSIF}, {@code ELSE}, {@code
 * WHILE … LOOP}, {@code FOR … LOOP}, {@code EXCEPTION WHEN … THEN}, {@code END IF}, labels) is
 * skipped, so that each statement starts at its own first keyword, with its own line.
 *
 * <p>What is left and does not start with a SQL keyword (an assignment, a declaration) is not a
 * statement and is dropped.
 */
final class Procedural {

  private static final Set<String> CONDITION_THEN = Set.of("IF", "ELSIF", "ELSEIF", "WHEN");
  private static final Set<String> UNTIL_LOOP = Set.of("WHILE", "FOR", "FOREACH");
  private static final Set<String> SKIP = Set.of("BEGIN", "ELSE", "LOOP", "REPEAT", "EXCEPTION");
  private static final Set<String> ENDED = Set.of("IF", "LOOP", "CASE", "WHILE", "REPEAT");

  private Procedural() {}

  /** The statements of a body whose text starts on line {@code firstLine}. */
  static List<RawStatement> statements(String body, int firstLine, SqlDialect dialect) {
    List<RawStatement> out = new ArrayList<>();
    for (RawStatement piece : Splitter.split(body, dialect, firstLine)) {
      Cursor c = Cursor.of(piece, dialect);
      skipControl(c, dialect);
      if (c.atEnd() || !KeywordClassifier.startsStatement(c.peek())) {
        continue;
      }
      int start = c.tokenStart();
      out.add(piece.slice(start, piece.code().length()));
    }
    return out;
  }

  private static void skipControl(Cursor c, SqlDialect dialect) {
    while (!c.atEnd()) {
      String w = c.peek();
      if (c.peekSymbol("<") || c.peekSymbol(">")) {
        c.skip(); // <<label>>
      } else if (c.peekSymbolAt(1, ":") && !w.isEmpty() && !c.peekSymbolAt(2, "=")) {
        c.skip(); // MySQL label:
        c.skip();
      } else if (w.equals("DECLARE") && dialect == SqlDialect.POSTGRESQL) {
        c.skip();
        skipDeclaration(c);
      } else if (CONDITION_THEN.contains(w)) {
        skipPast(c, "THEN");
      } else if (UNTIL_LOOP.contains(w)) {
        skipPast(c, dialect == SqlDialect.MYSQL && w.equals("WHILE") ? "DO" : "LOOP");
      } else if (w.equals("CASE")) {
        c.skip();
        while (!c.atEnd() && !c.peek().equals("WHEN")) {
          c.skip();
        }
      } else if (SKIP.contains(w)) {
        c.skip();
      } else if (w.equals("END")) {
        c.skip();
        c.accept(ENDED.toArray(String[]::new));
      } else if (c.peek().isEmpty() && !c.peekSymbol("(")) {
        c.skip();
      } else {
        return;
      }
    }
  }

  /** A PL/pgSQL DECLARE section's first declaration shares the piece: drop the piece's words. */
  private static void skipDeclaration(Cursor c) {
    while (!c.atEnd() && !c.peek().equals("BEGIN")) {
      c.skip();
    }
  }

  /** Moves past the {@code word} that ends a condition, skipping CASE … END inside it. */
  private static void skipPast(Cursor c, String word) {
    c.skip();
    int cases = 0;
    while (!c.atEnd()) {
      String w = c.peek();
      c.skip();
      if (w.equals("CASE")) {
        cases++;
      } else if (w.equals("END") && cases > 0) {
        cases--;
      } else if (w.equals(word) && cases == 0) {
        return;
      }
    }
  }
}
