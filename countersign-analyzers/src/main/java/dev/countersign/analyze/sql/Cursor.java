package dev.countersign.analyze.sql;

import dev.countersign.analyze.sql.Tokens.Token;
import dev.countersign.analyze.sql.Tokens.Type;
import java.util.ArrayList;
import java.util.List;

/**
 * A position in a range of a statement's tokens, at the parenthesis depth where the range starts:
 * the keyword classifier reads statements through it.
 */
final class Cursor {

  private final RawStatement statement;
  private final SqlDialect dialect;
  private final List<Token> tokens;
  private final int end;
  private final int depth;
  private int at;

  Cursor(RawStatement statement, SqlDialect dialect, List<Token> tokens, int start, int end) {
    this.statement = statement;
    this.dialect = dialect;
    this.tokens = tokens;
    this.at = start;
    this.end = end;
    this.depth = start < end ? tokens.get(start).depth() : 0;
  }

  /** A cursor over the whole statement. */
  static Cursor of(RawStatement statement, SqlDialect dialect) {
    List<Token> tokens = Tokens.of(statement);
    return new Cursor(statement, dialect, tokens, 0, tokens.size());
  }

  SqlDialect dialect() {
    return dialect;
  }

  /** The index of the current token. */
  int index() {
    return at;
  }

  /** A cursor over {@code [from, to)} of the same tokens. */
  Cursor range(int from, int to) {
    return new Cursor(statement, dialect, tokens, from, Math.min(to, end));
  }

  /** The rest of this range, from the current token. */
  Cursor rest() {
    return range(at, end);
  }

  boolean atEnd() {
    return at >= end;
  }

  /** The current token's keyword (upper case), or empty at the end or on a non-word. */
  String peek() {
    return atEnd() || tokens.get(at).type() != Type.WORD ? "" : tokens.get(at).text();
  }

  /** The keyword {@code n} tokens ahead, or empty. */
  String peek(int n) {
    int i = at + n;
    return i >= end || tokens.get(i).type() != Type.WORD ? "" : tokens.get(i).text();
  }

  /** Whether the current token is the symbol {@code c}. */
  boolean peekSymbol(String c) {
    return !atEnd() && tokens.get(at).type() == Type.SYMBOL && tokens.get(at).text().equals(c);
  }

  /** Whether the token {@code n} ahead is the symbol {@code c}. */
  boolean peekSymbolAt(int n, String c) {
    int i = at + n;
    return i < end && tokens.get(i).type() == Type.SYMBOL && tokens.get(i).text().equals(c);
  }

  /** Whether the current token is a string literal or dollar-quoted body. */
  boolean peekString() {
    return !atEnd() && tokens.get(at).type() == Type.STRING;
  }

  /** The offset in the statement where the current token starts (the end when at the end). */
  int tokenStart() {
    return atEnd() ? statement.code().length() : tokens.get(at).start();
  }

  /** Moves past the current token if it is one of the words; says whether it did. */
  boolean accept(String... words) {
    for (String w : words) {
      if (!atEnd() && tokens.get(at).is(w)) {
        at++;
        return true;
      }
    }
    return false;
  }

  /** Moves past a sequence of words only if all of them come next. */
  boolean acceptAll(String... words) {
    for (int k = 0; k < words.length; k++) {
      int i = at + k;
      if (i >= end || !tokens.get(i).is(words[k])) {
        return false;
      }
    }
    at += words.length;
    return true;
  }

  /** Moves one token on. */
  void skip() {
    if (!atEnd()) {
      at++;
    }
  }

  /** Moves past a parenthesized group if one starts here. */
  void skipGroup() {
    if (!peekSymbol("(")) {
      return;
    }
    int d = tokens.get(at).depth();
    at++;
    while (!atEnd() && !(tokens.get(at).is(")") && tokens.get(at).depth() == d)) {
      at++;
    }
    skip();
  }

  /** Reads a possibly qualified name ({@code a}, {@code s.t}, {@code "Q".t}); empty if none. */
  String name() {
    if (atEnd() || !tokens.get(at).name()) {
      return "";
    }
    StringBuilder out = new StringBuilder(part(tokens.get(at++)));
    while (at + 1 < end && tokens.get(at).is(".") && tokens.get(at + 1).name()) {
      out.append('.').append(part(tokens.get(at + 1)));
      at += 2;
    }
    return out.toString();
  }

  private String part(Token t) {
    if (t.type() == Type.IDENTIFIER) {
      return t.text();
    }
    return Names.fold(statement.masked().substring(t.start(), t.end()), dialect);
  }

  /** Whether a word occurs from here on at this range's depth. */
  boolean containsAtDepth(String word) {
    return indexAtDepth(word) >= 0;
  }

  /** The index of the first token from here on that is {@code word} at this depth, or -1. */
  int indexAtDepth(String word) {
    for (int i = at; i < end; i++) {
      if (tokens.get(i).depth() == depth && tokens.get(i).is(word)) {
        return i;
      }
    }
    return -1;
  }

  /** Whether a word occurs anywhere from here on, at any depth. */
  boolean containsAnywhere(String word) {
    for (int i = at; i < end; i++) {
      if (tokens.get(i).is(word)) {
        return true;
      }
    }
    return false;
  }

  /** The rest of this range split at the commas at its depth. */
  List<Cursor> splitAtCommas() {
    List<Cursor> parts = new ArrayList<>();
    int from = at;
    for (int i = at; i < end; i++) {
      if (tokens.get(i).depth() == depth && tokens.get(i).is(",")) {
        parts.add(range(from, i));
        from = i + 1;
      }
    }
    parts.add(range(from, end));
    return parts;
  }

  /** The first token of a parenthesized group that starts here, or -1. */
  int groupStart() {
    return peekSymbol("(") ? at + 1 : -1;
  }

  /** The index just after the group that starts here (its closing parenthesis), or the end. */
  int groupEnd() {
    int save = at;
    skipGroup();
    int after = at;
    at = save;
    return Math.max(after - 1, save);
  }

  /** The end of this range. */
  int end() {
    return end;
  }
}
