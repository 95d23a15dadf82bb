package dev.countersign.analyze.shell;

import java.util.List;

/**
 * The program a simple command really runs, once assignments, shell keywords and wrappers are
 * stripped.
 *
 * @param program the program's base name, e.g. {@code rm} for {@code sudo /usr/bin/rm}; empty when
 *     the command only assigns variables
 * @param args the arguments after the program, after quote removal
 * @param via the wrappers that were stripped, outermost first, e.g. {@code [sudo, xargs]}
 */
record Invocation(String program, List<String> args, List<String> via) {

  Invocation {
    args = List.copyOf(args);
    via = List.copyOf(via);
  }

  /** Whether more arguments come from standard input ({@code xargs}). */
  boolean argsFromStdin() {
    return via.contains("xargs");
  }

  /** The command as normalized text, for reasons: {@code rm -rf build}. */
  String display() {
    return args.isEmpty() ? program : program + " " + String.join(" ", args);
  }

  /** Whether any argument equals one of {@code flags}. */
  boolean has(String... flags) {
    for (String a : args) {
      for (String f : flags) {
        if (a.equals(f)) {
          return true;
        }
      }
    }
    return false;
  }
}
