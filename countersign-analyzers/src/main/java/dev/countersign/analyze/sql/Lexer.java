package dev.countersign.analyze.sql;

import dev.countersign.analyze.AnalysisException;
import dev.countersign.analyze.AnalysisException.Problem;
import dev.countersign.analyze.sql.RawStatement.Literal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the lexical piece that starts at a position of SQL text: a comment, a string or quoted
 * identifier, a dollar-quoted body, a word, or one other character. It knows each dialect's rules:
 * PostgreSQL nests block comments, has {@code E'…'} escape strings and {@code $tag$} bodies; MySQL
 * has {@code #} comments, {@code --} only before a space, backslash escapes in both quote styles,
 * backtick identifiers and executable comments ({@code /*!50001 …}), whose content is code.
 */
final class Lexer {

  /** What a piece is. */
  enum Type {
    COMMENT,
    EXECUTABLE_OPEN,
    EXECUTABLE_CLOSE,
    LITERAL,
    WORD,
    CHAR
  }

  /**
   * A piece of text.
   *
   * @param type what it is
   * @param end the offset just after it
   * @param kind for literals, what the quotes mean
   * @param contentStart for literals, where the content starts (after the opening quote or tag)
   * @param contentEnd for literals, where the content ends (before the closing quote or tag)
   */
  record Piece(Type type, int end, Literal.Kind kind, int contentStart, int contentEnd) {

    static Piece of(Type type, int end) {
      return new Piece(type, end, Literal.Kind.STRING, end, end);
    }
  }

  private static final Pattern DOLLAR_TAG = Pattern.compile("\\$(?:[\\p{L}_][\\p{L}\\p{N}_]*)?\\$");
  private static final int VERSION_DIGITS = 6;

  private final String text;
  private final boolean mysql;
  private final int firstLine;
  private boolean executable;

  Lexer(String text, SqlDialect dialect, int firstLine) {
    this.text = text;
    this.mysql = dialect == SqlDialect.MYSQL;
    this.firstLine = firstLine;
  }

  /** Leaves any MySQL executable comment: the next {@code *}{@code /} is an ordinary one. */
  void reset() {
    executable = false;
  }

  /** The piece at {@code pos}; a word stops where {@code delimiter} starts. */
  Piece at(int pos, String delimiter) {
    char c = text.charAt(pos);
    if (text.startsWith("--", pos) && (!mysql || dashDashComment(pos))) {
      return Piece.of(Type.COMMENT, lineEnd(pos));
    }
    if (mysql && c == '#') {
      return Piece.of(Type.COMMENT, lineEnd(pos));
    }
    if (executable && text.startsWith("*/", pos)) {
      executable = false;
      return Piece.of(Type.EXECUTABLE_CLOSE, pos + 2);
    }
    if (text.startsWith("/*", pos)) {
      return blockComment(pos);
    }
    if (c == '\'') {
      return quoted(pos, '\'', mysql || escapeString(pos), Literal.Kind.STRING);
    }
    if (c == '"') {
      return quoted(pos, '"', mysql, mysql ? Literal.Kind.STRING : Literal.Kind.IDENTIFIER);
    }
    if (c == '`' && mysql) {
      return quoted(pos, '`', false, Literal.Kind.IDENTIFIER);
    }
    if (c == '$' && !mysql && !isWordPart(previous(pos))) {
      Matcher m = DOLLAR_TAG.matcher(text).region(pos, text.length());
      if (m.lookingAt()) {
        return dollar(pos, m.group());
      }
    }
    if ((Character.isLetter(c) || c == '_') && !isWordPart(previous(pos))) {
      int end = pos + 1;
      while (end < text.length()
          && isWordPart(text.charAt(end))
          && !text.startsWith(delimiter, end)) {
        end++;
      }
      return Piece.of(Type.WORD, end);
    }
    return Piece.of(Type.CHAR, pos + 1);
  }

  private Piece blockComment(int pos) {
    if (mysql && (text.startsWith("/*!", pos) || text.startsWith("/*M!", pos))) {
      int p = pos + (text.charAt(pos + 2) == '!' ? 3 : 4);
      int digits = 0;
      while (p < text.length() && digits++ < VERSION_DIGITS && Character.isDigit(text.charAt(p))) {
        p++;
      }
      executable = true;
      return Piece.of(Type.EXECUTABLE_OPEN, p);
    }
    int depth = 0;
    int p = pos;
    while (p < text.length()) {
      if (text.startsWith("/*", p)) {
        depth = mysql ? 1 : depth + 1;
        p += 2;
      } else if (text.startsWith("*/", p)) {
        p += 2;
        if (--depth == 0) {
          return Piece.of(Type.COMMENT, p);
        }
      } else {
        p++;
      }
    }
    throw malformed("a /* comment is never closed", pos);
  }

  private Piece quoted(int pos, char q, boolean backslash, Literal.Kind kind) {
    int p = pos + 1;
    while (p < text.length()) {
      char c = text.charAt(p);
      if (backslash && c == '\\' && p + 1 < text.length()) {
        p += 2;
      } else if (c == q && p + 1 < text.length() && text.charAt(p + 1) == q) {
        p += 2;
      } else if (c == q) {
        return new Piece(Type.LITERAL, p + 1, kind, pos + 1, p);
      } else {
        p++;
      }
    }
    String what = kind == Literal.Kind.IDENTIFIER ? "identifier" : "string";
    throw malformed("a " + q + "-quoted " + what + " is never closed", pos);
  }

  private Piece dollar(int pos, String tag) {
    int close = text.indexOf(tag, pos + tag.length());
    if (close < 0) {
      throw malformed("the dollar-quoted body opened by " + tag + " is never closed", pos);
    }
    return new Piece(
        Type.LITERAL, close + tag.length(), Literal.Kind.DOLLAR, pos + tag.length(), close);
  }

  /** PostgreSQL's E'…' strings, in which a backslash escapes. */
  private boolean escapeString(int pos) {
    char p = previous(pos);
    return (p == 'E' || p == 'e') && (pos < 2 || !isWordPart(text.charAt(pos - 2)));
  }

  private boolean dashDashComment(int pos) {
    int after = pos + 2;
    return after >= text.length()
        || Character.isWhitespace(text.charAt(after))
        || Character.isISOControl(text.charAt(after));
  }

  int lineEnd(int from) {
    int nl = text.indexOf('\n', from);
    return nl < 0 ? text.length() : nl;
  }

  private char previous(int pos) {
    return pos > 0 ? text.charAt(pos - 1) : ' ';
  }

  static boolean isWordPart(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '$';
  }

  /** A MALFORMED error at the line and column of {@code at}. */
  AnalysisException malformed(String what, int at) {
    int line = firstLine;
    for (int i = 0; i < at; i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    int column = at - (at == 0 ? -1 : text.lastIndexOf('\n', at - 1));
    return AnalysisException.at(Problem.MALFORMED, what, line, column, null);
  }
}
