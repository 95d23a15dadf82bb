package dev.countersign.analyze.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Assembles words into simple commands for {@link ShellParser}: ends words and commands, attaches
 * redirections and here-documents, and keeps the state of the compound commands whose syntax
 * changes what a character means ({@code [[ ]]} tests, {@code case} patterns, subshells).
 */
abstract class CommandReader extends WordReader {

  private static final Set<String> NOT_GLOB = Set.of("[", "[[", "{", "}", "{}", "]]");
  private static final boolean[] PLAIN = plain();

  final List<CommandBuilder> done = new ArrayList<>();
  final Heredocs heredocs = new Heredocs(this);
  String pendingRedirect = "";
  int parens;
  int cases;
  boolean casePattern;
  boolean doubleBracket;

  CommandReader(String text, int from, int shift, int depth, Bounds bounds) {
    super(text, from, shift, depth, bounds);
  }

  Script script() {
    List<SimpleCommand> commands = new ArrayList<>(done.size());
    for (CommandBuilder b : done) {
      commands.add(b.build());
    }
    return new Script(commands);
  }

  /** A run of characters with no meaning to the shell, appended at once. */
  void literals() {
    startWord();
    int start = pos++;
    while (pos < text.length() && isPlain(text.charAt(pos))) {
      pos++;
    }
    value.append(text, start, pos);
  }

  private static boolean isPlain(char c) {
    return c >= 128 || PLAIN[c];
  }

  /** A case pattern is not a command: drop it, keeping {@code case WORD in} before it. */
  void endCasePattern() {
    casePattern = false;
    pos++;
    if (!current.words.isEmpty() && current.words.getFirst().text().equals("case")) {
      int in = 0;
      while (in < current.words.size() && !current.words.get(in).text().equals("in")) {
        in++;
      }
      current.words.subList(Math.min(in + 1, current.words.size()), current.words.size()).clear();
      endCommand("");
    } else {
      current = new CommandBuilder(current.separator);
    }
  }

  void startRedirect(String op) {
    if (!pendingRedirect.isEmpty()) {
      throw Substitutions.malformed(
          "redirection '" + pendingRedirect + "' has no target", pos, shift);
    }
    pendingRedirect = op;
    pos += op.length();
  }

  void pattern(char c) {
    literal(c);
    globCandidate = true;
  }

  @Override
  void startWord() {
    if (wordStart < 0 && current.offset < 0) {
      current.offset = shift + pos;
    }
    super.startWord();
  }

  void endWord() {
    if (wordStart < 0) {
      return;
    }
    String word = value.toString();
    int f = flags | (globCandidate && !NOT_GLOB.contains(word) ? Word.GLOB : 0);
    Word w = new Word(word, text.substring(wordStart, pos), f);
    resetWord();
    if (!pendingRedirect.isEmpty()) {
      current.redirects.add(new SimpleCommand.Redirect(pendingRedirect, word));
      heredocs.redirect(pendingRedirect, w, current);
      pendingRedirect = "";
      return;
    }
    if (f == 0 && current.atCommandPosition()) {
      switch (word) {
        case "case" -> cases++;
        case "esac" -> {
          cases = Math.max(0, cases - 1);
          casePattern = false;
        }
        case "[[" -> doubleBracket = true;
        default -> {}
      }
    } else if (doubleBracket && f == 0 && word.equals("]]")) {
      doubleBracket = false;
    } else if (cases > 0
        && f == 0
        && word.equals("in")
        && current.words.getFirst().text().equals("case")) {
      casePattern = true;
    }
    current.add(w);
  }

  void endCommand(String separatorAfter) {
    if (!pendingRedirect.isEmpty()) {
      throw Substitutions.malformed(
          "redirection '" + pendingRedirect + "' has no target", pos, shift);
    }
    doubleBracket = false;
    boolean empty = current.isEmpty() && !current.definesFunction;
    if (!empty) {
      done.add(current);
    }
    if (!empty || !separatorAfter.equals("\n")) {
      current = new CommandBuilder(separatorAfter);
    }
  }

  private static boolean[] plain() {
    boolean[] plain = new boolean[128];
    for (char c = 0; c < 128; c++) {
      plain[c] = "\\'\"`$ \t\r\n;&|()<>*?[{}".indexOf(c) < 0;
    }
    return plain;
  }

  static boolean isDigits(CharSequence s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return s.length() > 0;
  }
}
