package dev.countersign.analyze.shell;

import dev.countersign.model.Finding;
import dev.countersign.model.Severity;
import java.util.List;
import java.util.Set;

/**
 * Programs that run shell text: a shell with {@code -c} or with a here-document, {@code eval},
 * {@code ssh HOST CMD} (the host goes into every reason), {@code parallel}. The text is parsed and
 * analysed as commands. Script files ({@code bash deploy.sh}, {@code source env.sh}) and input from
 * pipes or files cannot be seen: they are opaque.
 */
final class ShellRules {

  static final String[] SHELLS = {"bash", "sh", "zsh", "dash", "ksh", "ash", "mksh", "fish"};

  private static final Set<String> SSH_VALUES =
      Names.of("-b -c -D -E -e -F -I -i -J -L -l -m -O -o -p -Q -R -S -W -w -B");

  private static final Set<String> PARALLEL_VALUES =
      Names.of(
          "--jobs --sshlogin --joblog --arg-file --delay --timeout --results --colsep --tmpdir"
              + " --workdir --retries");

  private ShellRules() {}

  /** {@code bash -c SCRIPT}, {@code bash FILE}, {@code bash} reading standard input. */
  static Verdict shell(Invocation inv, Context ctx) {
    List<String> args = inv.args();
    boolean dashC = false;
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (a.equals("--")) {
        return operand(inv, ctx, i + 1, dashC);
      }
      if (a.startsWith("--")) {
        if (a.equals("--version") || a.equals("--help")) {
          return Verdict.read(inv, "command");
        }
        i += a.equals("--rcfile") || a.equals("--init-file") ? 1 : 0;
      } else if ((a.startsWith("-") || a.startsWith("+")) && a.length() > 1) {
        dashC |= a.indexOf('c') > 0;
        i += a.indexOf('o') > 0 || a.indexOf('O') > 0 ? 1 : 0;
      } else {
        return operand(inv, ctx, i, dashC);
      }
    }
    return fromStdin(inv, ctx);
  }

  private static Verdict operand(Invocation inv, Context ctx, int i, boolean dashC) {
    if (i >= inv.args().size()) {
      return fromStdin(inv, ctx);
    }
    String operand = inv.args().get(i);
    if (dashC) {
      return ctx.script(operand, "c", " (via " + inv.program() + " -c)");
    }
    return Verdict.opaque(
        inv, inv.program() + " runs the script file " + operand + ", which Countersign cannot see");
  }

  /** A shell reading commands from standard input: a here-document is analysed; a pipe is not. */
  static Verdict fromStdin(Invocation inv, Context ctx) {
    Stdin stdin = ctx.stdin();
    return switch (stdin.kind()) {
      case TEXT -> ctx.scriptsFromStdin("stdin", " (via " + inv.program() + " reading stdin)");
      case NONE -> Verdict.opaque(inv, inv.program() + " starts an interactive shell");
      default -> Verdict.opaque(inv, inv.program() + " runs commands from " + stdin.describe());
    };
  }

  /** {@code eval WORDS}: the words joined are parsed again; expansions in them stay unknown. */
  static Verdict eval(Invocation inv, Context ctx) {
    Verdict verdict = ctx.script(String.join(" ", inv.args()), "eval", " (via eval)");
    for (Word w : inv.argWords()) {
      if (w.expands()) {
        return verdict.plus(
            new Finding(
                Severity.WARNING,
                ShellCommands.OPAQUE,
                "eval runs text that is only known when the command runs ("
                    + w.text()
                    + "); Countersign cannot tell what it changes, so a human should look.",
                inv.display()));
      }
    }
    return verdict;
  }

  /** {@code source FILE} and {@code . FILE} run a script file in the current shell. */
  static Verdict source(Invocation inv, Context ctx) {
    String file = inv.args().isEmpty() ? "(no file)" : inv.args().getFirst();
    return Verdict.opaque(inv, inv.program() + " runs the script file " + file);
  }

  /** {@code ssh [opts] HOST CMD...}: the remote command is shell text, run on HOST. */
  static Verdict ssh(Invocation inv, Context ctx) {
    List<String> args = inv.args();
    int i = 0;
    while (i < args.size() && args.get(i).startsWith("-")) {
      i += SSH_VALUES.contains(args.get(i)) ? 2 : 1;
    }
    if (i >= args.size()) {
      return Verdict.read(inv, "command");
    }
    String host = args.get(i);
    String note = " on host " + host + " (via ssh)";
    if (i + 1 < args.size()) {
      return ctx.script(String.join(" ", args.subList(i + 1, args.size())), "ssh", note);
    }
    if (inv.has("-N") || inv.has("-O")) {
      return Verdict.exec(inv, "ssh forwards ports or controls a connection to " + host);
    }
    return switch (ctx.stdin().kind()) {
      case TEXT -> ctx.scriptsFromStdin("ssh", note);
      case NONE -> Verdict.opaque(inv, "ssh opens an interactive shell on " + host);
      default ->
          Verdict.opaque(inv, "ssh runs commands on " + host + " from " + ctx.stdin().describe());
    };
  }

  /** {@code at TIME} and {@code batch} run their standard input as a script, later. */
  static Verdict at(Invocation inv, Context ctx) {
    if (inv.hasOption('l', "--list") || inv.hasOption('c', "--cat") || inv.has("-V")) {
      return Verdict.read(inv, "command");
    }
    if (inv.hasOption('r', "--remove") || inv.has("-d")) {
      return Verdict.one(
          dev.countersign.model.Verb.DELETE,
          "at-job",
          String.join(" ", inv.operands()),
          false,
          inv.program() + " removes scheduled jobs");
    }
    return inv.hasOption('f', "--file")
        ? Verdict.opaque(inv, inv.program() + " schedules a script file")
        : fromStdin(inv, ctx);
  }

  /** {@code parallel CMD ::: ARGS} runs CMD (shell text) per argument; without CMD, the args. */
  static Verdict parallel(Invocation inv, Context ctx) {
    List<Word> w = inv.argWords();
    int start = Opts.skip(w, 0, "jSaNnLIE", PARALLEL_VALUES).next();
    int end = start;
    while (end < w.size() && !w.get(end).text().startsWith(":::")) {
      end++;
    }
    if (end > start) {
      StringBuilder template = new StringBuilder();
      for (Word word : w.subList(start, end)) {
        template.append(template.isEmpty() ? "" : " ").append(word.text());
      }
      return ctx.script(template.toString(), "parallel", " (via parallel)");
    }
    if (end < w.size() && w.get(end).text().equals(":::")) {
      for (int i = end + 1; i < w.size(); i++) {
        ctx.script(w.get(i).text(), "parallel" + i, " (via parallel)");
      }
      return Verdict.NONE;
    }
    return fromStdin(inv, ctx);
  }
}
