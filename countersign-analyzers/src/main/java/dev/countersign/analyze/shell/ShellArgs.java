package dev.countersign.analyze.shell;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The arguments of a shell ({@code bash -c SCRIPT}, {@code bash FILE}) and of {@code ssh HOST CMD}.
 *
 * @param commandString the script given with {@code -c}
 * @param scriptFile the script file given as first operand
 */
record ShellArgs(Optional<String> commandString, Optional<String> scriptFile) {

  private static final Set<String> SSH_VALUES =
      Set.of(
          "-b", "-c", "-D", "-E", "-e", "-F", "-I", "-i", "-J", "-L", "-l", "-m", "-O", "-o", "-p",
          "-Q", "-R", "-S", "-W", "-w", "-B");

  /** Reads a shell's arguments: option clusters containing {@code c}, {@code -o NAME}, operands. */
  static ShellArgs of(List<String> args) {
    boolean dashC = false;
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (a.equals("--")) {
        return operand(args, i + 1, dashC);
      }
      if (a.startsWith("--")) {
        i += a.equals("--rcfile") || a.equals("--init-file") ? 1 : 0;
      } else if ((a.startsWith("-") || a.startsWith("+")) && a.length() > 1) {
        dashC |= a.indexOf('c') > 0;
        i += a.indexOf('o') > 0 ? 1 : 0;
      } else {
        return operand(args, i, dashC);
      }
    }
    return new ShellArgs(Optional.empty(), Optional.empty());
  }

  private static ShellArgs operand(List<String> args, int i, boolean dashC) {
    if (i >= args.size()) {
      return new ShellArgs(Optional.empty(), Optional.empty());
    }
    return dashC
        ? new ShellArgs(Optional.of(args.get(i)), Optional.empty())
        : new ShellArgs(Optional.empty(), Optional.of(args.get(i)));
  }

  /** The command {@code ssh} runs on the remote host (its words joined by spaces), or empty. */
  static String sshRemoteCommand(List<String> args) {
    int i = 0;
    while (i < args.size() && args.get(i).startsWith("-")) {
      i += SSH_VALUES.contains(args.get(i)) ? 2 : 1;
    }
    return i + 1 < args.size() ? String.join(" ", args.subList(i + 1, args.size())) : "";
  }
}
