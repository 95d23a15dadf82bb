package dev.countersign.analyze.shell;

import java.util.ArrayList;
import java.util.List;

/**
 * Works out what a command reads on standard input: here-documents and here-strings, a file ({@code
 * < f}), or the command before a pipe. When that command prints literal text ({@code echo 'rm -rf
 * /srv' | sh}, {@code printf 'DROP TABLE t' | psql}, {@code cat <<EOF | bash}), the text is known
 * and is analysed as what the reader runs.
 */
final class StdinSources {

  private static final int MAX_PRINTF_ROUNDS = 64;

  private StdinSources() {}

  /** The standard input of {@code cmd}; {@code previous} is the command before it. */
  static Stdin of(SimpleCommand cmd, SimpleCommand previous, Stdin inherited) {
    if (!cmd.stdin().isEmpty()) {
      return Stdin.text(cmd.stdin());
    }
    for (SimpleCommand.Redirect r : cmd.redirects()) {
      if (r.readsFile()) {
        return new Stdin(Stdin.Kind.FILE, List.of(), r.target());
      }
    }
    if (cmd.piped() && previous != cmd) {
      return output(previous);
    }
    return inherited;
  }

  private static Stdin output(SimpleCommand previous) {
    Invocation p = Wrappers.unwrap(previous.words(), Integer.MAX_VALUE, 0);
    return switch (p.program()) {
      case "echo" -> Stdin.text(List.of(echo(p.args())));
      case "printf" -> Stdin.text(List.of(printf(p.args())));
      case "cat" ->
          p.operands().isEmpty() && !previous.stdin().isEmpty()
              ? Stdin.text(previous.stdin())
              : pipe(p);
      default -> pipe(p);
    };
  }

  private static Stdin pipe(Invocation p) {
    return new Stdin(Stdin.Kind.PIPE, List.of(), p.program().isEmpty() ? "a command" : p.program());
  }

  private static String echo(List<String> args) {
    int i = 0;
    boolean newline = true;
    while (i < args.size() && args.get(i).matches("-[neE]+")) {
      newline &= args.get(i).indexOf('n') < 0;
      i++;
    }
    return String.join(" ", args.subList(i, args.size())) + (newline ? "\n" : "");
  }

  /** {@code printf FORMAT ARGS}: each %s/%b/%d takes the next argument; the format repeats. */
  private static String printf(List<String> args) {
    if (args.isEmpty()) {
      return "";
    }
    String format = args.getFirst().replace("\\n", "\n").replace("\\t", "\t");
    List<String> rest = new ArrayList<>(args.subList(1, args.size()));
    StringBuilder out = new StringBuilder();
    int rounds = 0;
    do {
      out.append(fill(format, rest));
    } while (!rest.isEmpty() && ++rounds < MAX_PRINTF_ROUNDS);
    return out.toString();
  }

  private static String fill(String format, List<String> rest) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < format.length(); i++) {
      char c = format.charAt(i);
      if (c == '%' && i + 1 < format.length()) {
        char spec = format.charAt(++i);
        if (spec == '%') {
          out.append('%');
        } else {
          out.append(rest.isEmpty() ? "" : rest.removeFirst());
        }
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
