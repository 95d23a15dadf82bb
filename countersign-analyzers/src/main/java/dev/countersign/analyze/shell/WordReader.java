package dev.countersign.analyze.shell;

/**
 * Reads the parts of a word: quotes, backslashes, {@code $'...'} (decoded, so {@code $'\x72m'} is
 * {@code rm}), parameter, arithmetic and command expansions. Expansions are kept as written and
 * mark the word as {@link Word#EXPANDS}; the scripts inside {@code $(...)} and backticks are parsed
 * and attached to the command being read.
 */
abstract class WordReader {

  final String text;
  final int shift;
  final int depth;
  final Bounds bounds;
  final StringBuilder value = new StringBuilder();
  CommandBuilder current = new CommandBuilder("");
  int pos;
  int wordStart = -1;
  int flags;
  boolean globCandidate;

  WordReader(String text, int from, int shift, int depth, Bounds bounds) {
    this.text = text;
    this.pos = from;
    this.shift = shift;
    this.depth = depth;
    this.bounds = bounds;
  }

  /** Parses the {@code $( ... )} whose inside starts at {@code from}; leaves pos at its ')'. */
  abstract Script substitution(int from);

  /** Parses text taken out of this one (a backtick substitution) that starts at {@code shift}. */
  abstract Script nested(String inner, int innerShift);

  void startWord() {
    if (wordStart < 0) {
      wordStart = pos;
    }
  }

  void resetWord() {
    value.setLength(0);
    wordStart = -1;
    flags = 0;
    globCandidate = false;
  }

  void literal(char c) {
    startWord();
    value.append(c);
    pos++;
  }

  void backslash() {
    if (pos + 1 >= text.length()) {
      literal('\\');
      return;
    }
    char next = text.charAt(pos + 1);
    if (next != '\n') {
      startWord();
      value.append(next);
      flags |= Word.QUOTED;
    }
    pos += 2;
  }

  void singleQuoted() {
    int end = Substitutions.closingSingle(text, pos, shift);
    startWord();
    value.append(text, pos + 1, end);
    flags |= Word.QUOTED;
    pos = end + 1;
  }

  void doubleQuoted() {
    int open = pos;
    startWord();
    flags |= Word.QUOTED;
    pos++;
    while (true) {
      if (pos >= text.length()) {
        throw Substitutions.malformed("unterminated double quote", open, shift);
      }
      char c = text.charAt(pos);
      if (c == '"') {
        pos++;
        return;
      }
      if (c == '\\' && pos + 1 < text.length() && "$`\"\\\n".indexOf(text.charAt(pos + 1)) >= 0) {
        if (text.charAt(pos + 1) != '\n') {
          value.append(text.charAt(pos + 1));
        }
        pos += 2;
      } else if (c == '$') {
        dollar(true);
      } else if (c == '`') {
        backtick();
      } else {
        value.append(c);
        pos++;
      }
    }
  }

  void backtick() {
    int open = pos;
    int close = Substitutions.closingBacktick(text, open, shift);
    String inner = Substitutions.unescapeBackticks(text.substring(open + 1, close));
    current.substitutions.add(nested(inner, shift + open + 1));
    startWord();
    flags |= Word.EXPANDS;
    value.append(text, open, close + 1);
    pos = close + 1;
  }

  void dollar(boolean quoted) {
    char next = pos + 1 < text.length() ? text.charAt(pos + 1) : ' ';
    if (next == '(') {
      startWord();
      flags |= Word.EXPANDS;
      int start = pos;
      if (text.startsWith("$((", pos)) {
        pos = Substitutions.closingParen(text, pos + 1, shift);
      } else {
        current.substitutions.add(substitution(pos + 2));
      }
      value.append(text, start, pos + 1);
      pos++;
    } else if (next == '{') {
      parameter();
    } else if (next == '\'' && !quoted) {
      ansiC();
    } else if (next == '"' && !quoted) {
      pos++; // $"..." is a translated double-quoted string
    } else if (Character.isLetterOrDigit(next) || "_@*#?$!-".indexOf(next) >= 0) {
      startWord();
      flags |= Word.EXPANDS;
      value.append('$');
      pos++;
    } else {
      literal('$');
    }
  }

  /** {@code ${...}}, which may hold quotes, nested braces and command substitutions. */
  private void parameter() {
    int start = pos;
    startWord();
    flags |= Word.EXPANDS;
    int braces = 0;
    int i = pos + 1;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '\\') {
        i += 2;
        continue;
      }
      if (c == '{') {
        braces++;
      } else if (c == '}' && --braces == 0) {
        break;
      } else if (c == '\'') {
        i = Substitutions.closingSingle(text, i, shift);
      } else if (c == '$' && i + 1 < text.length() && text.charAt(i + 1) == '(') {
        pos = i;
        current.substitutions.add(substitution(i + 2));
        i = pos;
      }
      i++;
    }
    if (i >= text.length()) {
      throw Substitutions.malformed("unterminated ${ ... } expansion", start, shift);
    }
    value.append(text, start, i + 1);
    pos = i + 1;
  }

  private void ansiC() {
    int open = pos;
    startWord();
    flags |= Word.QUOTED;
    int i = pos + 2;
    while (true) {
      if (i >= text.length()) {
        throw Substitutions.malformed("unterminated $'...' string", open, shift);
      }
      char c = text.charAt(i);
      if (c == '\'') {
        break;
      }
      if (c == '\\' && i + 1 < text.length()) {
        i = Substitutions.ansiEscape(text, i + 1, value);
      } else {
        value.append(c);
        i++;
      }
    }
    pos = i + 1;
  }
}
