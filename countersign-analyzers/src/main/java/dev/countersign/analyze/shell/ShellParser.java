package dev.countersign.analyze.shell;

import dev.countersign.analyze.AnalysisException;
import dev.countersign.analyze.AnalysisException.Problem;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a shell text into simple commands on {@code ;}, {@code &&}, {@code ||}, {@code |}, {@code
 * &}, newlines and parentheses, honouring single and double quotes, backslash escapes, comments,
 * {@code $(...)}/backtick substitutions (kept as nested scripts) and here-documents (kept as the
 * command's standard input). Not a full bash grammar: see the package documentation.
 */
final class ShellParser {

  private final String text;
  private final List<CommandBuilder> done = new ArrayList<>();
  private final List<Heredoc> pendingHeredocs = new ArrayList<>();
  private final StringBuilder value = new StringBuilder();
  private final StringBuilder raw = new StringBuilder();
  private CommandBuilder current = new CommandBuilder("");
  private boolean inWord;
  private String pendingRedirect = "";
  private int pos;

  private ShellParser(String text) {
    this.text = text;
  }

  /** Parses the text into its simple commands, in order. */
  static List<SimpleCommand> parse(String text) {
    ShellParser parser = new ShellParser(text);
    parser.run();
    return parser.done.stream().map(CommandBuilder::build).toList();
  }

  private void run() {
    while (pos < text.length()) {
      char c = text.charAt(pos);
      switch (c) {
        case '\\' -> backslash();
        case '\'' -> singleQuoted();
        case '"' -> doubleQuoted();
        case '`' -> substitution(pos, Substitutions.closingBacktick(text, pos), 1);
        case '$' -> dollar();
        case ' ', '\t', '\r' -> space();
        case '\n' -> newline();
        case ';' -> operator(text.startsWith(";;", pos) ? ";;" : ";", ";");
        case '&' -> ampersand();
        case '|' ->
            operator(
                text.startsWith("||", pos) ? "||" : text.startsWith("|&", pos) ? "|&" : "|", null);
        case '(', ')' -> operator(String.valueOf(c), null);
        case '<', '>' -> redirect();
        case '#' -> comment();
        default -> literal(c);
      }
    }
    endWord();
    endCommand("");
  }

  private void literal(char c) {
    value.append(c);
    raw.append(c);
    inWord = true;
    pos++;
  }

  private void space() {
    endWord();
    pos++;
  }

  private void newline() {
    endWord();
    endCommand("\n");
    pos++;
    readHeredocBodies();
  }

  /** Ends the command with {@code op}; {@code recorded} overrides what is stored as separator. */
  private void operator(String op, String recorded) {
    endWord();
    endCommand(recorded == null ? op : recorded);
    pos += op.length();
  }

  private void comment() {
    if (inWord) {
      literal('#');
      return;
    }
    while (pos < text.length() && text.charAt(pos) != '\n') {
      pos++;
    }
  }

  private void backslash() {
    if (pos + 1 >= text.length()) {
      literal('\\');
      return;
    }
    char next = text.charAt(pos + 1);
    if (next != '\n') {
      value.append(next);
      raw.append('\\').append(next);
      inWord = true;
    }
    pos += 2;
  }

  private void singleQuoted() {
    int end = text.indexOf('\'', pos + 1);
    if (end < 0) {
      throw malformed("unterminated single quote", pos);
    }
    value.append(text, pos + 1, end);
    raw.append(text, pos, end + 1);
    inWord = true;
    pos = end + 1;
  }

  private void doubleQuoted() {
    int start = pos;
    int i = pos + 1;
    while (true) {
      if (i >= text.length()) {
        throw malformed("unterminated double quote", start);
      }
      char c = text.charAt(i);
      if (c == '"') {
        break;
      }
      if (c == '\\' && i + 1 < text.length() && "$`\"\\\n".indexOf(text.charAt(i + 1)) >= 0) {
        if (text.charAt(i + 1) != '\n') {
          value.append(text.charAt(i + 1));
        }
        i += 2;
      } else if (c == '$' && text.startsWith("$(", i) && !text.startsWith("$((", i)) {
        int close = Substitutions.closingParen(text, i + 1);
        current.substitutions.add(text.substring(i + 2, close));
        value.append(text, i, close + 1);
        i = close + 1;
      } else if (c == '`') {
        int close = Substitutions.closingBacktick(text, i);
        current.substitutions.add(Substitutions.unescapeBackticks(text.substring(i + 1, close)));
        value.append(text, i, close + 1);
        i = close + 1;
      } else {
        value.append(c);
        i++;
      }
    }
    raw.append(text, start, i + 1);
    inWord = true;
    pos = i + 1;
  }

  private void dollar() {
    if (text.startsWith("$((", pos)) {
      int close = Substitutions.closingParen(text, pos + 1);
      value.append(text, pos, close + 1);
      raw.append(text, pos, close + 1);
      inWord = true;
      pos = close + 1;
    } else if (text.startsWith("$(", pos)) {
      substitution(pos, Substitutions.closingParen(text, pos + 1), 2);
    } else {
      literal('$');
    }
  }

  /** Keeps {@code text[start..close]} as a word part and its inside as a nested script. */
  private void substitution(int start, int close, int openLength) {
    String inner = text.substring(start + openLength, close);
    current.substitutions.add(openLength == 1 ? Substitutions.unescapeBackticks(inner) : inner);
    value.append(text, start, close + 1);
    raw.append(text, start, close + 1);
    inWord = true;
    pos = close + 1;
  }

  private void ampersand() {
    if (text.startsWith("&&", pos)) {
      operator("&&", null);
    } else if (text.startsWith("&>", pos)) {
      endWord();
      startRedirect(text.startsWith("&>>", pos) ? "&>>" : "&>");
    } else {
      operator("&", null);
    }
  }

  private void redirect() {
    if (text.startsWith("<(", pos) || text.startsWith(">(", pos)) {
      substitution(pos, Substitutions.closingParen(text, pos + 1), 2); // process substitution
      return;
    }
    if (inWord && raw.toString().chars().allMatch(Character::isDigit)) {
      value.setLength(0); // a file descriptor number such as the 2 of 2>&1
      raw.setLength(0);
      inWord = false;
    }
    endWord();
    for (String op : List.of("<<<", "<<-", "<<", "<>", "<&", ">>", ">|", ">&", "<", ">")) {
      if (text.startsWith(op, pos)) {
        startRedirect(op);
        return;
      }
    }
  }

  private void startRedirect(String op) {
    if (!pendingRedirect.isEmpty()) {
      throw malformed("redirection '" + pendingRedirect + "' has no target", pos);
    }
    pendingRedirect = op;
    pos += op.length();
  }

  private void endWord() {
    if (!inWord) {
      return;
    }
    String word = value.toString();
    if (!pendingRedirect.isEmpty()) {
      current.redirects.add(new SimpleCommand.Redirect(pendingRedirect, word));
      switch (pendingRedirect) {
        case "<<", "<<-" ->
            pendingHeredocs.add(new Heredoc(current, word, pendingRedirect.equals("<<-")));
        case "<<<" -> current.stdin.add(word);
        default -> {}
      }
      pendingRedirect = "";
    } else {
      current.words.add(word);
      current.rawWords.add(raw.toString());
    }
    value.setLength(0);
    raw.setLength(0);
    inWord = false;
  }

  private void endCommand(String separatorAfter) {
    if (!pendingRedirect.isEmpty()) {
      throw malformed("redirection '" + pendingRedirect + "' has no target", pos);
    }
    if (!current.isEmpty()) {
      done.add(current);
    }
    if (!current.isEmpty() || !separatorAfter.equals("\n")) {
      current = new CommandBuilder(separatorAfter);
    }
  }

  private void readHeredocBodies() {
    for (Heredoc heredoc : pendingHeredocs) {
      StringBuilder body = new StringBuilder();
      while (pos < text.length()) {
        int end = text.indexOf('\n', pos);
        String line = text.substring(pos, end < 0 ? text.length() : end);
        pos = end < 0 ? text.length() : end + 1;
        String compared = heredoc.stripTabs() ? line.replaceFirst("^\t+", "") : line;
        if (compared.strip().equals(heredoc.delimiter())) {
          break;
        }
        body.append(line).append('\n');
      }
      heredoc.owner().stdin.add(body.toString());
    }
    pendingHeredocs.clear();
  }

  private AnalysisException malformed(String message, int at) {
    return ShellErrors.at(Problem.MALFORMED, message, text, at);
  }

  private record Heredoc(CommandBuilder owner, String delimiter, boolean stripTabs) {}
}
