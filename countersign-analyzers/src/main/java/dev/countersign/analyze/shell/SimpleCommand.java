package dev.countersign.analyze.shell;

import java.util.List;

/**
 * One simple command of a shell text.
 *
 * @param words the words, assignments and wrappers included
 * @param separator the operator before this command: "", ";", "&&", "||", "|", "|&", "&", "\n", "("
 *     or ")"
 * @param redirects the redirections, e.g. {@code >} to {@code out.txt}
 * @param stdin text fed to the command by here-documents and here-strings
 * @param substitutions the scripts inside {@code $(...)}, backticks and process substitutions,
 *     which run too
 * @param offset where the command starts in the submitted text
 * @param definesFunction whether this is {@code name()}, the head of a function definition
 */
record SimpleCommand(
    List<Word> words,
    String separator,
    List<Redirect> redirects,
    List<String> stdin,
    List<Script> substitutions,
    int offset,
    boolean definesFunction) {

  SimpleCommand {
    words = List.copyOf(words);
    redirects = List.copyOf(redirects);
    stdin = List.copyOf(stdin);
    substitutions = List.copyOf(substitutions);
  }

  /** Whether the command reads its standard input from the command before it. */
  boolean piped() {
    return separator.equals("|") || separator.equals("|&");
  }

  /**
   * A redirection.
   *
   * @param operator e.g. {@code >}, {@code >>}, {@code 2>&1}'s {@code >&}, {@code <<}
   * @param target the file, descriptor or here-document delimiter
   */
  record Redirect(String operator, String target) {

    /** Whether this redirection writes to a file (not a descriptor or the null device). */
    boolean writesFile() {
      if (!operator.contains(">")) {
        return false;
      }
      if (operator.equals(">&") && (target.equals("-") || isDigits(target))) {
        return false;
      }
      return !target.equals("/dev/null")
          && !target.startsWith("/dev/std")
          && !target.startsWith("/dev/fd/")
          && !target.equals("/dev/tty");
    }

    /** Whether this redirection feeds a file to standard input ({@code < file}). */
    boolean readsFile() {
      return operator.equals("<") || operator.equals("<>");
    }

    /** Whether this redirection appends rather than truncates. */
    boolean appends() {
      return operator.endsWith(">>");
    }

    private static boolean isDigits(String s) {
      if (s.isEmpty()) {
        return false;
      }
      for (int i = 0; i < s.length(); i++) {
        if (s.charAt(i) < '0' || s.charAt(i) > '9') {
          return false;
        }
      }
      return true;
    }
  }
}
