package dev.countersign.analyze.sql;

import dev.countersign.analyze.sql.RawStatement.Literal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The tokens of a statement, read from its masked text, so that no keyword is ever found inside a
 * comment, a string or a quoted identifier.
 */
final class Tokens {

  /** What a token is. */
  enum Type {
    /** A keyword, an unquoted identifier or a number. */
    WORD,
    /** A quoted identifier; its text is the name without quotes. */
    IDENTIFIER,
    /** A string literal or a dollar-quoted body. */
    STRING,
    /** Any other single character. */
    SYMBOL
  }

  /**
   * One token.
   *
   * @param type what it is
   * @param text the upper-cased word, the identifier's name, or the symbol; empty for strings
   * @param start its offset in the statement
   * @param end the offset just after it
   * @param depth how many parentheses enclose it
   */
  record Token(Type type, String text, int start, int end, int depth) {

    /** Whether this is the keyword (or symbol) {@code word}. */
    boolean is(String word) {
      return (type == Type.WORD || type == Type.SYMBOL) && text.equals(word);
    }

    /** Whether this token can be (part of) a name. */
    boolean name() {
      return type == Type.WORD || type == Type.IDENTIFIER;
    }
  }

  private Tokens() {}

  /** The tokens of a statement, in order. */
  static List<Token> of(RawStatement s) {
    String m = s.masked();
    Map<Integer, Literal> openers = openers(s);
    List<Token> out = new ArrayList<>();
    int depth = 0;
    int i = 0;
    while (i < m.length()) {
      char c = m.charAt(i);
      Literal lit = openers.get(i);
      if (lit != null) {
        int close = lit.end() + (lit.start() - i);
        Type type = lit.kind() == Literal.Kind.IDENTIFIER ? Type.IDENTIFIER : Type.STRING;
        String text = type == Type.IDENTIFIER ? unquote(lit.content(s.code())) : "";
        out.add(new Token(type, text, i, Math.min(close, m.length()), depth));
        i = Math.max(i + 1, Math.min(close, m.length()));
      } else if (Character.isWhitespace(c)) {
        i++;
      } else if (Character.isLetterOrDigit(c) || c == '_') {
        int end = i;
        while (end < m.length() && isWordPart(m.charAt(end))) {
          end++;
        }
        out.add(new Token(Type.WORD, m.substring(i, end).toUpperCase(Locale.ROOT), i, end, depth));
        i = end;
      } else {
        if (c == ')' && depth > 0) {
          depth--;
        }
        out.add(new Token(Type.SYMBOL, String.valueOf(c), i, i + 1, depth));
        if (c == '(') {
          depth++;
        }
        i++;
      }
    }
    return out;
  }

  /** The offset of each literal's opening quote (or dollar tag). */
  private static Map<Integer, Literal> openers(RawStatement s) {
    Map<Integer, Literal> map = new HashMap<>();
    for (Literal l : s.literals()) {
      int open = l.start() - 1;
      if (l.kind() == Literal.Kind.DOLLAR) {
        open = s.masked().lastIndexOf('$', l.start() - 2);
      }
      if (open >= 0) {
        map.put(open, l);
      }
    }
    return map;
  }

  private static String unquote(String content) {
    return content.replace("\"\"", "\"").replace("``", "`");
  }

  private static boolean isWordPart(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '$';
  }
}
