package dev.countersign.analyze.shell;

import dev.countersign.analyze.AnalysisException.Problem;

/**
 * Scanning helpers for the parts of a word the parser skips over as a whole: balanced parentheses
 * ({@code $((...))}, arrays, extended globs), backticks, {@code ${...}} and ANSI-C strings.
 */
final class Substitutions {

  private Substitutions() {}

  /** The index of the {@code )} that closes the {@code (} at {@code open}. */
  static int closingParen(String text, int open, int shift) {
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
        case '\'' -> i = closingSingle(text, i, shift);
        case '"' -> i = closingDouble(text, i, shift);
        case '`' -> i = closingBacktick(text, i, shift);
        default -> {}
      }
      i++;
    }
    throw malformed("unterminated parenthesis", open, shift);
  }

  /** The index of the backtick that closes the one at {@code open}. */
  static int closingBacktick(String text, int open, int shift) {
    for (int i = open + 1; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '`') {
        return i;
      }
    }
    throw malformed("unterminated backtick substitution", open, shift);
  }

  /** Inside backticks, a backslash before a backtick, backslash or dollar is removed. */
  static String unescapeBackticks(String inner) {
    if (inner.indexOf('\\') < 0) {
      return inner;
    }
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

  /** The index of the single quote that closes the one at {@code open}. */
  static int closingSingle(String text, int open, int shift) {
    int end = text.indexOf('\'', open + 1);
    if (end < 0) {
      throw malformed("unterminated single quote", open, shift);
    }
    return end;
  }

  /** The index of the double quote that closes the one at {@code open}. */
  static int closingDouble(String text, int open, int shift) {
    for (int i = open + 1; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '"') {
        return i;
      }
    }
    throw malformed("unterminated double quote", open, shift);
  }

  /**
   * Decodes the escape after the backslash at {@code i - 1} of an ANSI-C string ({@code $'\x72m'}
   * is {@code rm}) into {@code out}; returns the index after it.
   */
  static int ansiEscape(String text, int i, StringBuilder out) {
    char c = text.charAt(i);
    switch (c) {
      case 'n' -> out.append('\n');
      case 't' -> out.append('\t');
      case 'r' -> out.append('\r');
      case 'a' -> out.append('\u0007');
      case 'b' -> out.append('\b');
      case 'e', 'E' -> out.append('\u001b');
      case 'f' -> out.append('\f');
      case 'v' -> out.append('\u000b');
      case 'x' -> {
        return number(text, i + 1, 2, 16, out);
      }
      case 'u' -> {
        return number(text, i + 1, 4, 16, out);
      }
      case 'U' -> {
        return number(text, i + 1, 8, 16, out);
      }
      case 'c' -> {
        if (i + 1 < text.length()) {
          out.append((char) (text.charAt(i + 1) & 0x1f));
          return i + 2;
        }
        out.append('c');
      }
      default -> {
        if (c >= '0' && c <= '7') {
          return number(text, i, 3, 8, out);
        }
        out.append(c); // \\ \' \" \? and unknown escapes
      }
    }
    return i + 1;
  }

  private static int number(String text, int from, int maxDigits, int radix, StringBuilder out) {
    int value = 0;
    int i = from;
    while (i < text.length()
        && i < from + maxDigits
        && Character.digit(text.charAt(i), radix) >= 0) {
      value = value * radix + Character.digit(text.charAt(i), radix);
      i++;
    }
    if (i == from) {
      out.append(radix == 16 ? "\\x" : "\\");
      return i;
    }
    if (Character.isValidCodePoint(value)) {
      out.appendCodePoint(value);
    }
    return i;
  }

  static ShellSyntaxError malformed(String message, int at, int shift) {
    return new ShellSyntaxError(Problem.MALFORMED, message, shift + at);
  }
}
