package dev.countersign.analyze.shell;

import java.util.List;

/**
 * One simple command of a shell text, after quote removal.
 *
 * @param words the words after quote removal, e.g. {@code rm}, {@code -rf}, {@code a b}
 * @param rawWords the same words as written (quotes kept), which is what the content hash covers
 * @param separator the operator before this command: "", ";", "&&", "||", "|", "|&", "&", "\n", "("
 *     or ")"
 * @param redirects the redirections, e.g. {@code >} to {@code out.txt}
 * @param stdin text fed to the command by here-documents and here-strings
 * @param substitutions the scripts inside {@code $(...)} and backticks, which run too
 */
record SimpleCommand(
    List<String> words,
    List<String> rawWords,
    String separator,
    List<Redirect> redirects,
    List<String> stdin,
    List<String> substitutions) {

  SimpleCommand {
    words = List.copyOf(words);
    rawWords = List.copyOf(rawWords);
    redirects = List.copyOf(redirects);
    stdin = List.copyOf(stdin);
    substitutions = List.copyOf(substitutions);
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
      boolean output = operator.contains(">") && !operator.equals(">&");
      return output
          && !target.equals("/dev/null")
          && !target.startsWith("/dev/std")
          && !target.equals("-");
    }
  }
}
