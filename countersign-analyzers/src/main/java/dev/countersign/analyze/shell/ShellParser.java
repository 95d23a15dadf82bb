package dev.countersign.analyze.shell;

/**
 * Reads shell text into its simple commands: splits on {@code ;} {@code &&} {@code ||} {@code |}
 * {@code &} newlines and parentheses, honours quotes ({@code '...'}, {@code "..."}, {@code
 * $'...'}), backslashes and comments, keeps redirections, here-documents and here-strings, and
 * parses {@code $(...)}, backticks and process substitutions as nested scripts. Words are read by
 * {@link WordReader}; here-document bodies by {@link Heredocs}.
 */
final class ShellParser extends CommandReader {

  private static final String[] REDIRECTS = {
    "<<<", "<<-", "<<", "<>", "<&", ">>", ">|", ">&", "<", ">"
  };

  private final boolean substitution;
  private boolean closed;

  private ShellParser(
      String text, int from, int shift, int depth, Bounds bounds, boolean substitution) {
    super(text, from, shift, depth, bounds);
    bounds.checkDepth(depth, shift + from);
    this.substitution = substitution;
  }

  /** Parses a whole text; {@code shift} is where it starts in the submitted text. */
  static Script parse(String text, Bounds bounds, int depth, int shift) {
    bounds.spend(text.length(), shift);
    ShellParser parser = new ShellParser(text, 0, shift, depth, bounds, false);
    parser.run();
    return parser.script();
  }

  @Override
  Script substitution(int from) {
    ShellParser sub = new ShellParser(text, from, shift, depth + 1, bounds, true);
    sub.run();
    if (!sub.closed || sub.pos >= text.length()) {
      throw Substitutions.malformed("unterminated $( ... ) substitution", from - 2, shift);
    }
    pos = sub.pos;
    return sub.script();
  }

  @Override
  Script nested(String inner, int innerShift) {
    return parse(inner, bounds, depth + 1, innerShift);
  }

  private void run() {
    while (pos < text.length()) {
      char c = text.charAt(pos);
      switch (c) {
        case '\\' -> backslash();
        case '\'' -> singleQuoted();
        case '"' -> doubleQuoted();
        case '`' -> backtick();
        case '$' -> dollar(false);
        case ' ', '\t', '\r' -> space();
        case '\n' -> newline();
        case ';' -> semicolon();
        case '&' -> ampersand();
        case '|' -> bar();
        case '(' -> openParen();
        case ')' -> {
          if (closeParen()) {
            return;
          }
        }
        case '<', '>' -> angle(c);
        case '#' -> comment();
        case '*', '?', '[', '{', '}' -> pattern(c);
        default -> literals();
      }
    }
    endWord();
    endCommand("");
    heredocs.readBodies();
  }

  private void space() {
    endWord();
    pos++;
  }

  private void newline() {
    endWord();
    endCommand("\n");
    pos++;
    heredocs.readBodies();
  }

  private void semicolon() {
    String op =
        text.startsWith(";;&", pos)
            ? ";;&"
            : text.startsWith(";;", pos) ? ";;" : text.startsWith(";&", pos) ? ";&" : ";";
    operator(op, op.length() > 1 ? ";;" : ";");
    casePattern = cases > 0 && op.length() > 1;
  }

  private void ampersand() {
    if (text.startsWith("&&", pos)) {
      operatorOrWord("&&");
    } else if (text.startsWith("&>", pos) && !doubleBracket) {
      endWord();
      startRedirect(text.startsWith("&>>", pos) ? "&>>" : "&>");
    } else {
      operator("&", "&");
    }
  }

  private void bar() {
    if (casePattern) {
      endWord();
      pos++;
      return;
    }
    if (text.startsWith("||", pos)) {
      operatorOrWord("||");
    } else {
      operator(text.startsWith("|&", pos) ? "|&" : "|", null);
    }
  }

  /** Inside {@code [[ ]]}, {@code &&} and {@code ||} are part of the test, not operators. */
  private void operatorOrWord(String op) {
    if (doubleBracket) {
      endWord();
      startWord();
      value.append(op);
      pos += op.length();
      endWord();
    } else {
      operator(op, op);
    }
  }

  private void operator(String op, String recorded) {
    endWord();
    endCommand(recorded == null ? op : recorded);
    pos += op.length();
  }

  private void openParen() {
    if (doubleBracket) {
      literal('(');
      return;
    }
    if (casePattern && wordStart < 0 && current.words.isEmpty()) {
      pos++; // the optional '(' of a case pattern
      return;
    }
    if (wordStart >= 0 && wordContinuesIntoParens()) {
      int close = Substitutions.closingParen(text, pos, shift);
      value.append(text, pos, close + 1);
      pos = close + 1;
      return;
    }
    endWord();
    if (text.startsWith("((", pos) && current.atCommandPosition()) {
      int close = Substitutions.closingParen(text, pos, shift);
      startWord();
      value.append(text, pos, close + 1);
      pos = close + 1;
      endWord();
      return;
    }
    if (definesFunction()) {
      current.definesFunction = true;
      pos = text.indexOf(')', pos) + 1;
      endCommand("");
      return;
    }
    parens++;
    operator("(", "(");
  }

  /** {@code a=(1 2)} is an array and {@code @(a|b)} an extended glob: one word, not a subshell. */
  private boolean wordContinuesIntoParens() {
    char before = text.charAt(pos - 1);
    if ("@!+*?".indexOf(before) >= 0) {
      globCandidate = true;
      return true;
    }
    return before == '=' && flags == 0 && value.length() > 1;
  }

  /** {@code name()} or {@code function name()} followed by a body. */
  private boolean definesFunction() {
    int j = pos + 1;
    while (j < text.length() && (text.charAt(j) == ' ' || text.charAt(j) == '\t')) {
      j++;
    }
    if (j >= text.length() || text.charAt(j) != ')') {
      return false;
    }
    int n = current.words.size();
    return n == 1 || (n == 2 && current.words.get(0).text().equals("function"));
  }

  /** Returns true when this ends a {@code $( ... )} being parsed. */
  private boolean closeParen() {
    if (doubleBracket) {
      literal(')');
      return false;
    }
    endWord();
    if (casePattern && parens == 0) {
      endCasePattern();
      return false;
    }
    if (parens == 0 && cases == 0 && substitution) { // the ')' that closes $(
      endCommand(""); // a here-document opened here has its body after the line: not read here
      closed = true;
      return true;
    }
    if (parens > 0) {
      parens--; // a case pattern's ')' needs no bookkeeping
    }
    operator(")", ")");
    return false;
  }

  private void angle(char c) {
    if (doubleBracket) {
      literal(c);
      return;
    }
    if (pos + 1 < text.length() && text.charAt(pos + 1) == '(') {
      startWord();
      flags |= Word.EXPANDS;
      int start = pos;
      current.substitutions.add(substitution(pos + 2));
      value.append(text, start, pos + 1);
      pos++;
      return;
    }
    if (wordStart >= 0 && flags == 0 && isDigits(value)) {
      wordStart = -1; // the file descriptor of 2>&1
      value.setLength(0);
    }
    endWord();
    for (String op : REDIRECTS) {
      if (text.startsWith(op, pos)) {
        startRedirect(op);
        return;
      }
    }
  }

  private void comment() {
    if (wordStart >= 0) {
      literal('#');
      return;
    }
    while (pos < text.length() && text.charAt(pos) != '\n') {
      pos++;
    }
  }
}
