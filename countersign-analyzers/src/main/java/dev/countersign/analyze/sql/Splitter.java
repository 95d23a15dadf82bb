package dev.countersign.analyze.sql;

import dev.countersign.analyze.sql.RawStatement.Literal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Splits SQL text into statements the way the database's own client does, before anything is
 * parsed: a delimiter counts only outside comments, string literals, quoted identifiers and
 * dollar-quoted bodies (see {@link Lexer}).
 *
 * <p>Like psql, a {@code ;} inside parentheses does not end a PostgreSQL statement; like MySQL's
 * client, {@code DELIMITER} changes the delimiter. Routine bodies in {@code BEGIN … END} stay whole
 * (see {@link Blocks}). If the input ends while a parenthesis or block is still open, or before a
 * custom delimiter closes the last statement, that statement is split again plainly at each {@code
 * ;} (and so is the rest), so that unbalanced text cannot hide the statements after it. psql's
 * backslash commands are statements of their own line, and {@code COPY … FROM stdin} data is
 * skipped up to its {@code \.} line. Unterminated literals and comments are a MALFORMED error with
 * their position.
 */
final class Splitter {

  private static final char VERBATIM = 0;
  private static final Pattern COPY_FROM_STDIN =
      Pattern.compile("(?is)\\A\\s*COPY\\b.*\\bFROM\\s+STDIN\\b.*");

  private final String text;
  private final boolean mysql;
  private final Lexer lexer;
  private final Blocks blocks;
  private final List<RawStatement> out = new ArrayList<>();
  private final StringBuilder code = new StringBuilder();
  private final StringBuilder masked = new StringBuilder();
  private final List<Literal> literals = new ArrayList<>();
  private String delimiter = ";";
  private int pos;
  private int line;
  private int stmtPos = -1;
  private int stmtLine;
  private int parens;
  private boolean plain;

  private Splitter(String text, SqlDialect dialect, int firstLine) {
    this.text = text;
    this.mysql = dialect == SqlDialect.MYSQL;
    this.lexer = new Lexer(text, dialect, firstLine);
    this.blocks = new Blocks(dialect);
    this.line = firstLine;
  }

  /** The statements of {@code text}, whose first line is line {@code firstLine} of the input. */
  static List<RawStatement> split(String text, SqlDialect dialect, int firstLine) {
    Splitter s = new Splitter(text, dialect, firstLine);
    s.run();
    return List.copyOf(s.out);
  }

  private void run() {
    while (true) {
      while (pos < text.length()) {
        step();
      }
      boolean balanced = parens == 0 && !blocks.open() && delimiter.equals(";");
      if (code.isEmpty() || plain || balanced) {
        break;
      }
      delimiter = ";";
      pos = stmtPos;
      line = stmtLine;
      plain = true;
      lexer.reset();
      clear();
    }
    finish();
  }

  private void step() {
    if (code.isEmpty()) {
      if (Character.isWhitespace(text.charAt(pos))) {
        skip(pos + 1);
        return;
      }
      if (statementCommand()) {
        return;
      }
    }
    Lexer.Piece piece = lexer.at(pos, delimiter);
    switch (piece.type()) {
      case COMMENT, EXECUTABLE_OPEN, EXECUTABLE_CLOSE -> skip(piece.end());
      case LITERAL -> literal(piece);
      default -> {
        if (text.startsWith(delimiter, pos) && (plain || (parens == 0 && !blocks.open()))) {
          pos += delimiter.length();
          finish();
          return;
        }
        String w = text.substring(pos, piece.end());
        if (piece.type() == Lexer.Type.WORD && !plain && delimiter.equals(";")) {
          blocks.word(w);
        } else if (!plain && w.equals("(")) {
          parens++;
        } else if (!plain && w.equals(")") && parens > 0) {
          parens--;
        }
        take(piece.end(), VERBATIM);
      }
    }
  }

  /** DELIMITER (MySQL) and backslash meta-commands (psql) at the start of a statement. */
  private boolean statementCommand() {
    if (mysql && text.regionMatches(true, pos, "DELIMITER", 0, 9)) {
      int after = pos + 9;
      if (after < text.length() && (text.charAt(after) == ' ' || text.charAt(after) == '\t')) {
        String rest = text.substring(after, lexer.lineEnd(after)).strip();
        String newDelimiter = rest.split("\\s+", 2)[0];
        if (!newDelimiter.isEmpty()) {
          delimiter = newDelimiter;
        }
        skip(lexer.lineEnd(after));
        return true;
      }
    }
    if (!mysql && text.charAt(pos) == '\\') {
      int end = lexer.lineEnd(pos);
      String command = text.substring(pos, end).stripTrailing();
      begin();
      code.append(command);
      masked.append(command);
      pos = end;
      finish();
      return true;
    }
    return false;
  }

  /** A literal: its quotes kept, its content masked ({@code _} for identifiers, else blank). */
  private void literal(Lexer.Piece piece) {
    begin();
    take(piece.contentStart(), VERBATIM);
    int contentStart = code.length();
    take(piece.contentEnd(), piece.kind() == Literal.Kind.IDENTIFIER ? '_' : ' ');
    literals.add(new Literal(piece.kind(), contentStart, code.length()));
    take(piece.end(), VERBATIM);
  }

  /** Takes text up to {@code end} into the statement, masked with {@code fill} unless verbatim. */
  private void take(int end, char fill) {
    begin();
    for (; pos < end; pos++) {
      char c = text.charAt(pos);
      code.append(c);
      masked.append(fill == VERBATIM || c == '\n' ? c : fill);
      if (c == '\n') {
        line++;
      }
    }
  }

  /**
   * Skips text up to {@code end}: blanked (newlines kept) inside a statement, dropped before one.
   */
  private void skip(int end) {
    for (; pos < end; pos++) {
      char c = text.charAt(pos);
      if (!code.isEmpty()) {
        code.append(c == '\n' ? '\n' : ' ');
        masked.append(c == '\n' ? '\n' : ' ');
      }
      if (c == '\n') {
        line++;
      }
    }
  }

  private void begin() {
    if (stmtPos < 0) {
      stmtPos = pos;
      stmtLine = line;
    }
  }

  private void finish() {
    if (code.toString().isBlank()) {
      clear();
      return;
    }
    RawStatement raw = trimmed();
    out.add(raw);
    clear();
    if (!mysql && COPY_FROM_STDIN.matcher(raw.masked()).matches()) {
      skipCopyData();
    }
  }

  private RawStatement trimmed() {
    int start = 0;
    while (start < code.length() && Character.isWhitespace(code.charAt(start))) {
      start++;
    }
    int end = code.length();
    while (end > start && Character.isWhitespace(code.charAt(end - 1))) {
      end--;
    }
    return new RawStatement(code.toString(), masked.toString(), stmtLine, literals)
        .slice(start, end);
  }

  /** psql reads the rows of COPY … FROM stdin from the script, up to a line that is {@code \.}. */
  private void skipCopyData() {
    skip(Math.min(text.length(), lexer.lineEnd(pos) + 1));
    while (pos < text.length()) {
      int end = lexer.lineEnd(pos);
      String row = text.substring(pos, end).stripTrailing();
      skip(Math.min(text.length(), end + 1));
      if (row.equals("\\.")) {
        return;
      }
    }
  }

  private void clear() {
    code.setLength(0);
    masked.setLength(0);
    literals.clear();
    stmtPos = -1;
    parens = 0;
    blocks.reset();
  }
}
