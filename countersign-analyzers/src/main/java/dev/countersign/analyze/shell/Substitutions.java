package dev.countersign.analyze.shell;

import dev.countersign.analyze.AnalysisException.Problem;

/** Finds where {@code $(...)} and backtick substitutions end, honouring quotes inside them. */
final class Substitutions {

  private Substitutions() {}

  /** The index of the {@code )} that closes the {@code (} at {@code open}. */
  static int closingParen(String text, int open) {
    int depth = 0;
    int i = open;
    while (i < text.length()) {
      char c = text.charAt(i);
      switch (c) {
        case '(' -> depth++;
        case ')' -> {
          if (--depth == 0) {
            return i;
          }
        }
        case '\\' -> i++;
        case '\'' -> i = closingQuote(text, i, '\'');
        case '"' -> i = closingDoubleQuote(text, i);
        case '`' -> i = closingBacktick(text, i);
        default -> {}
      }
      i++;
    }
    throw ShellErrors.at(Problem.MALFORMED, "unterminated $( ... ) substitution", text, open - 1);
  }

  /** The index of the backtick that closes the one at {@code open}. */
  static int closingBacktick(String text, int open) {
    for (int i = open + 1; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '`') {
        return i;
      }
    }
    throw ShellErrors.at(Problem.MALFORMED, "unterminated backtick substitution", text, open);
  }

  /** Inside backticks, a backslash before a backtick, backslash or dollar is removed. */
  static String unescapeBackticks(String inner) {
    StringBuilder out = new StringBuilder(inner.length());
    for (int i = 0; i < inner.length(); i++) {
      char c = inner.charAt(i);
      if (c == '\\' && i + 1 < inner.length() && "`\\$".indexOf(inner.charAt(i + 1)) >= 0) {
        c = inner.charAt(++i);
      }
      out.append(c);
    }
    return out.toString();
  }

  private static int closingQuote(String text, int open, char quote) {
    int end = text.indexOf(quote, open + 1);
    if (end < 0) {
      throw ShellErrors.at(Problem.MALFORMED, "unterminated single quote", text, open);
    }
    return end;
  }

  private static int closingDoubleQuote(String text, int open) {
    for (int i = open + 1; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '"') {
        return i;
      }
    }
    throw ShellErrors.at(Problem.MALFORMED, "unterminated double quote", text, open);
  }
}
