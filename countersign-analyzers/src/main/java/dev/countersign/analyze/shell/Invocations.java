package dev.countersign.analyze.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Strips what stands before the real program: variable assignments ({@code FOO=1}), shell keywords
 * ({@code if}, {@code then}, {@code !}, {@code {}, ...), wrappers ({@code sudo}, {@code doas},
 * {@code env}, {@code nohup}, {@code time}, {@code nice}, {@code ionice}, {@code timeout}, {@code
 * stdbuf}, {@code command}, {@code exec}, {@code builtin}, {@code watch}, {@code xargs}) with their
 * options, and the directory of an absolute or relative program path.
 */
final class Invocations {

  private static final Pattern ASSIGNMENT =
      Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\[[^]]*])?\\+?=.*", Pattern.DOTALL);
  private static final Set<String> KEYWORDS =
      Set.of(
          "if", "then", "else", "elif", "do", "while", "until", "!", "{", "fi", "done", "esac",
          "}");

  /** Wrapper name to its options that take a separate value. */
  private static final Map<String, Set<String>> WRAPPERS =
      Map.ofEntries(
          Map.entry(
              "sudo",
              Set.of(
                  "-u",
                  "-g",
                  "-C",
                  "-D",
                  "-h",
                  "-p",
                  "-r",
                  "-t",
                  "-U",
                  "-T",
                  "--user",
                  "--group",
                  "--chdir",
                  "--host",
                  "--prompt",
                  "--role",
                  "--type",
                  "--other-user",
                  "--close-from",
                  "--command-timeout")),
          Map.entry("doas", Set.of("-u", "-C")),
          Map.entry("env", Set.of("-u", "--unset", "-C", "--chdir")),
          Map.entry("nohup", Set.of()),
          Map.entry("builtin", Set.of()),
          Map.entry("time", Set.of("-o", "-f")),
          Map.entry("command", Set.of()),
          Map.entry("exec", Set.of("-a")),
          Map.entry("nice", Set.of("-n", "--adjustment")),
          Map.entry("ionice", Set.of("-c", "-n", "-p", "-P", "-u")),
          Map.entry("timeout", Set.of("-s", "-k", "--signal", "--kill-after")),
          Map.entry("stdbuf", Set.of("-i", "-o", "-e")),
          Map.entry("watch", Set.of("-n", "--interval", "-d")),
          Map.entry(
              "xargs",
              Set.of(
                  "-I",
                  "-L",
                  "-n",
                  "-P",
                  "-s",
                  "-d",
                  "-E",
                  "-a",
                  "--max-args",
                  "--max-procs",
                  "--delimiter",
                  "--arg-file",
                  "--max-lines",
                  "--replace")));

  private Invocations() {}

  /** The invocation of a parsed command. */
  static Invocation of(SimpleCommand command) {
    return of(command.words(), command.rawWords());
  }

  /** The invocation of words as written ({@code rawWords} tells assignments from quoted text). */
  static Invocation of(List<String> words, List<String> rawWords) {
    List<String> via = new ArrayList<>();
    int i = 0;
    boolean atStart = true;
    while (i < words.size()) {
      String word = words.get(i);
      if (atStart && ASSIGNMENT.matcher(rawWords.get(i)).matches()) {
        i++;
      } else if (atStart && KEYWORDS.contains(rawWords.get(i))) {
        i++;
      } else if (WRAPPERS.containsKey(baseName(word)) && !isLookup(words, i)) {
        String wrapper = baseName(word);
        via.add(wrapper);
        i = skipOptions(words, i + 1, WRAPPERS.get(wrapper));
        if (wrapper.equals("timeout") && i < words.size()) {
          i++; // the duration
        }
        atStart = wrapper.equals("env"); // env NAME=value cmd
      } else {
        return new Invocation(baseName(word), words.subList(i + 1, words.size()), via);
      }
    }
    // Only assignments, or a wrapper without a command: "env" lists, "xargs" echoes, "sudo" fails.
    String last = via.isEmpty() ? "" : via.get(via.size() - 1);
    return new Invocation(last.equals("xargs") ? "echo" : last, List.of(), via);
  }

  /** {@code command -v x} and {@code command -V x} look a program up instead of running it. */
  private static boolean isLookup(List<String> words, int i) {
    return baseName(words.get(i)).equals("command")
        && i + 1 < words.size()
        && (words.get(i + 1).equals("-v") || words.get(i + 1).equals("-V"));
  }

  private static int skipOptions(List<String> words, int i, Set<String> withValue) {
    while (i < words.size()) {
      String w = words.get(i);
      if (w.equals("--")) {
        return i + 1;
      }
      if (!w.startsWith("-") || w.equals("-")) {
        return i;
      }
      i += withValue.contains(w) ? 2 : 1;
    }
    return i;
  }

  /** {@code /usr/bin/rm} and {@code ./rm} are {@code rm}. */
  static String baseName(String program) {
    int slash = program.lastIndexOf('/');
    return slash >= 0 && slash < program.length() - 1 ? program.substring(slash + 1) : program;
  }
}
