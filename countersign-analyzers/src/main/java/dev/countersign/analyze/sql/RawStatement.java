package dev.countersign.analyze.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * One statement as the splitter found it, before it is understood.
 *
 * @param code the statement's text with comments blanked out (newlines kept, so lines still count),
 *     without its delimiter; MySQL's executable comments keep their content
 * @param masked the same text, of the same length, with the contents of string literals and
 *     dollar-quoted bodies blanked and quoted identifiers replaced by {@code _}: keywords are
 *     looked for here and only here, never in {@code code}
 * @param line the 1-based line of the statement's first character in the whole input
 * @param literals where the quoted parts of {@code code} are
 */
record RawStatement(String code, String masked, int line, List<Literal> literals) {

  /** A quoted part of a statement: a string, a quoted identifier or a dollar-quoted body. */
  record Literal(Kind kind, int start, int end) {

    /** What the quotes mean. */
    enum Kind {
      STRING,
      IDENTIFIER,
      DOLLAR
    }

    /** The literal's content, without its quotes. */
    String content(String code) {
      return code.substring(start, end);
    }
  }

  RawStatement {
    literals = List.copyOf(literals);
    if (code.length() != masked.length()) {
      throw new IllegalArgumentException("code and masked text differ in length");
    }
  }

  /** The 1-based line of an offset of this statement. */
  int lineAt(int offset) {
    int n = line;
    for (int i = 0; i < offset && i < code.length(); i++) {
      if (code.charAt(i) == '\n') {
        n++;
      }
    }
    return n;
  }

  /** The part of this statement from {@code start} to {@code end}, with its own line. */
  RawStatement slice(int start, int end) {
    List<Literal> inside = new ArrayList<>();
    for (Literal l : literals) {
      if (l.start() >= start && l.end() <= end) {
        inside.add(new Literal(l.kind(), l.start() - start, l.end() - start));
      }
    }
    return new RawStatement(
        code.substring(start, end), masked.substring(start, end), lineAt(start), inside);
  }

  /** The literal whose content starts at an offset, if any. */
  java.util.Optional<Literal> literalAt(int contentStart) {
    return literals.stream().filter(l -> l.start() == contentStart).findFirst();
  }

  /**
   * The statement with runs of whitespace outside literals collapsed to one space: what the
   * statement does, without its layout, for the content hash.
   */
  String normalized() {
    StringBuilder out = new StringBuilder(code.length());
    int next = 0;
    for (Literal l : literals) {
      appendCollapsed(out, code, next, Math.max(next, l.start()));
      out.append(code, Math.max(next, l.start()), l.end());
      next = Math.max(next, l.end());
    }
    appendCollapsed(out, code, next, code.length());
    return out.toString().strip();
  }

  private static void appendCollapsed(StringBuilder out, String s, int from, int to) {
    boolean space = false;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c)) {
        space = true;
      } else {
        if (space && !out.isEmpty()) {
          out.append(' ');
        }
        space = false;
        out.append(c);
      }
    }
    if (space) {
      out.append(' ');
    }
  }
}
