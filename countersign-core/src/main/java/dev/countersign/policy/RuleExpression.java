package dev.countersign.policy;

import static java.util.Objects.requireNonNull;

/**
 * A CEL expression as written in a policy file, with where it starts so that compile errors point
 * at the right file, line and column.
 *
 * @param text the expression
 * @param start where its first character sits in the file
 * @param continuationColumn the 1-based column at which its second and later lines start in the
 *     file (the indentation of a YAML block scalar plus one); 1 when unknown
 */
public record RuleExpression(String text, SourcePosition start, int continuationColumn) {
  public RuleExpression {
    requireNonNull(text, "text");
    requireNonNull(start, "start");
    if (continuationColumn < 1) {
      throw new IllegalArgumentException("continuationColumn is 1-based");
    }
  }

  /** An expression on one line starting at {@code start}. */
  public static RuleExpression of(String text, SourcePosition start) {
    return new RuleExpression(text, start, 1);
  }

  /** An expression written in code, for tests and built-in rules. */
  public static RuleExpression inline(String text) {
    return of(text, SourcePosition.inline("<inline>"));
  }

  /** Maps a position inside the expression (1-based line, 0-based column, as CEL reports it) to the file. */
  public SourcePosition locate(int exprLine, int exprColumn) {
    if (exprLine < 1) {
      return start;
    }
    int column = Math.max(0, exprColumn);
    if (exprLine == 1) {
      return new SourcePosition(start.file(), start.line(), start.column() + column);
    }
    return new SourcePosition(start.file(), start.line() + exprLine - 1, continuationColumn + column);
  }
}
