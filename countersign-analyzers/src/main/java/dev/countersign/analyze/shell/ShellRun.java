package dev.countersign.analyze.shell;

import dev.countersign.analyze.AnalysisException;
import dev.countersign.analyze.AnalysisException.Problem;
import dev.countersign.analyze.shell.Verdict.Outcome;
import dev.countersign.digest.CanonicalJson;
import dev.countersign.digest.Digests;
import dev.countersign.model.Action;
import dev.countersign.model.Finding;
import dev.countersign.model.Severity;
import dev.countersign.model.Verb;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One analysis of a shell text: walks its simple commands in order, descends into what they run
 * ({@code $(...)}, {@code bash -c}, {@code eval}, {@code ssh host CMD}, here-documents fed to a
 * shell) up to the depth bound, and collects the actions and findings.
 *
 * <p>Each action's content hash covers its command's words as written (quotes kept), redirections,
 * here-document text, position and the operator before it, chained to the enclosing command's hash:
 * so reordering commands, changing {@code &&} to {@code ||}, adding {@code sudo} or an environment
 * assignment all change the digest, while whitespace and comments do not.
 */
final class ShellRun {

  private static final Set<String> SHELLS = Set.of("bash", "sh", "zsh", "dash", "ksh", "ash");

  private final int maxDepth;
  private final List<Action> actions = new ArrayList<>();
  private final List<Finding> findings = new ArrayList<>();

  ShellRun(int maxDepth) {
    this.maxDepth = maxDepth;
  }

  List<Action> actions() {
    return actions;
  }

  List<Finding> findings() {
    return findings;
  }

  /** Analyses a script; {@code context} is the hash of what runs it ("" at the top). */
  void script(String text, String context, int depth) {
    if (depth > maxDepth) {
      throw AnalysisException.of(
          Problem.TOO_DEEP,
          "shell commands nest deeper than the limit of "
              + maxDepth
              + " levels ($(...), bash -c, eval)");
    }
    List<SimpleCommand> commands = ShellParser.parse(text);
    for (int i = 0; i < commands.size(); i++) {
      command(commands.get(i), context, i, depth);
    }
  }

  private void command(SimpleCommand cmd, String context, int index, int depth) {
    String hash = hash(cmd, context, index);
    for (int j = 0; j < cmd.substitutions().size(); j++) {
      script(cmd.substitutions().get(j), hash + "$" + j, depth + 1);
    }
    Invocation inv = Invocations.of(cmd);
    int before = actions.size();
    if (nested(inv, cmd, hash, depth)) {
      if (actions.size() == before) {
        emit(
            Verdict.of(
                new Outcome(Verb.NOOP, "command", inv.display(), false, "runs an empty script")),
            inv,
            hash);
      }
      return;
    }
    Verdict verdict = CommandClassifier.classify(inv, cmd.stdin());
    emit(withRedirects(verdict, inv, cmd), inv, hash);
  }

  /** Analyses what a shell, eval or ssh runs; false when it is not one or the script is unseen. */
  private boolean nested(Invocation inv, SimpleCommand cmd, String hash, int depth) {
    String program = inv.program();
    if (program.equals("eval")) {
      script(String.join(" ", inv.args()), hash + "eval", depth + 1);
      return true;
    }
    if (program.equals("ssh")) {
      String remote = ShellArgs.sshRemoteCommand(inv.args());
      if (remote.isBlank()) {
        return false;
      }
      script(remote, hash + "ssh", depth + 1);
      return true;
    }
    if (!SHELLS.contains(program)) {
      return false;
    }
    ShellArgs args = ShellArgs.of(inv.args());
    if (args.commandString().isPresent()) {
      script(args.commandString().get(), hash + "c", depth + 1);
      return true;
    }
    if (args.scriptFile().isEmpty() && !cmd.stdin().isEmpty()) {
      for (String text : cmd.stdin()) {
        script(text, hash + "stdin", depth + 1);
      }
      return true;
    }
    if (args.scriptFile().isEmpty()) {
      findings.add(
          new Finding(
              Severity.WARNING,
              "shell-reads-stdin",
              program + " runs commands from standard input, which Countersign cannot see.",
              ""));
    }
    return false;
  }

  private static Verdict withRedirects(Verdict verdict, Invocation inv, SimpleCommand cmd) {
    List<String> written =
        cmd.redirects().stream()
            .filter(SimpleCommand.Redirect::writesFile)
            .map(SimpleCommand.Redirect::target)
            .toList();
    if (written.isEmpty() || verdict.outcomes().stream().anyMatch(o -> o.verb() != Verb.READ)) {
      return verdict;
    }
    return Verdict.exec(inv, inv.program() + " writes to " + String.join(", ", written));
  }

  private void emit(Verdict verdict, Invocation inv, String hash) {
    List<String> privileged =
        inv.via().stream().filter(w -> w.equals("sudo") || w.equals("doas")).toList();
    String via = privileged.isEmpty() ? "" : " (as root, via " + privileged.get(0) + ")";
    for (Outcome o : verdict.outcomes()) {
      Action action =
          new Action(
              o.verb(), o.resourceType(), o.address(), "", o.stateful(), o.reason() + via, hash);
      actions.add(action);
      if (action.dataLoss()) {
        findings.add(
            new Finding(
                Severity.HIGH,
                "data-loss",
                o.reason() + ": " + o.address() + " and the data in it are lost.",
                o.address()));
      }
    }
    findings.addAll(verdict.findings());
  }

  private static String hash(SimpleCommand cmd, String context, int index) {
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("context", context);
    value.put("index", index);
    String separator = cmd.separator();
    value.put("separator", separator.equals("\n") || separator.equals(";;") ? ";" : separator);
    value.put("words", cmd.rawWords());
    List<Object> redirects = new ArrayList<>();
    for (SimpleCommand.Redirect r : cmd.redirects()) {
      redirects.add(List.of(r.operator(), r.target()));
    }
    value.put("redirects", redirects);
    value.put("stdin", cmd.stdin());
    return Digests.sha256Hex(CanonicalJson.write(value));
  }
}
