package dev.countersign.analyze.sql;

import java.util.Optional;
import net.sf.jsqlparser.parser.AbstractJSqlParser.Dialect;
import net.sf.jsqlparser.parser.CCJSqlParser;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.statement.Statement;

/**
 * Parses one statement with JSqlParser, within bounds: statements longer than {@link #MAX_CHARS} or
 * nested deeper than {@link #MAX_NESTING} parentheses or brackets are not given to it (the keyword
 * reading takes them), and anything it throws means "not parsed", never a failure of the analysis.
 *
 * <p>JSqlParser's "complex parsing" (a second, backtracking attempt) is switched off: it is the
 * part that can take exponential time on hostile input.
 */
final class JSqlParse {

  /** The longest statement handed to JSqlParser, in characters. */
  static final int MAX_CHARS = 32 * 1024;

  /** The deepest parenthesis nesting handed to JSqlParser. */
  static final int MAX_NESTING = 24;

  private JSqlParse() {}

  /** The parsed statement, or empty when JSqlParser cannot (or is not asked to) parse it. */
  static Optional<Statement> parse(RawStatement s, SqlDialect dialect) {
    if (s.code().length() > MAX_CHARS || nesting(s.masked()) > MAX_NESTING) {
      return Optional.empty();
    }
    try {
      boolean mysql = dialect == SqlDialect.MYSQL;
      CCJSqlParser parser =
          CCJSqlParserUtil.newParser(s.code())
              .withDialect(mysql ? Dialect.MYSQL : Dialect.POSTGRESQL)
              .withAllowComplexParsing(false)
              .withBackslashEscapeCharacter(mysql)
              .withDoubleQuotedStrings(mysql);
      return Optional.of(parser.Statement());
    } catch (Exception | StackOverflowError e) {
      return Optional.empty();
    }
  }

  private static int nesting(String masked) {
    int depth = 0;
    int max = 0;
    for (int i = 0; i < masked.length(); i++) {
      char c = masked.charAt(i);
      if (c == '(' || c == '[') {
        max = Math.max(max, ++depth);
      } else if (c == ')' || c == ']') {
        depth = Math.max(0, depth - 1);
      }
    }
    return max;
  }
}
