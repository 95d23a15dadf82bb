package dev.countersign.analyze.shell;

import dev.countersign.analyze.shell.Verdict.Outcome;
import dev.countersign.model.Action;
import dev.countersign.model.Finding;
import dev.countersign.model.Severity;
import dev.countersign.model.Verb;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One analysis of a shell text: walks its simple commands in order, descends into what they run
 * ({@code $(...)}, {@code bash -c}, {@code eval}, {@code ssh host CMD}, here-documents fed to a
 * shell, {@code find -exec}) up to the depth bound, and collects the actions and findings. Each
 * action carries a content hash from {@link CommandHash}.
 */
final class ShellRun {

  private final Bounds bounds;
  private final int maxDepth;
  private final List<Action> actions = new ArrayList<>();
  private final List<Finding> findings = new ArrayList<>();
  private final Set<String> functions = new HashSet<>();
  private final CommandHash hashes = new CommandHash();
  private int topOffset;

  ShellRun(int maxDepth, Bounds bounds) {
    this.maxDepth = maxDepth;
    this.bounds = bounds;
  }

  List<Action> actions() {
    return actions;
  }

  List<Finding> findings() {
    return findings;
  }

  /** Analyses the submitted text. */
  void top(String text) {
    walk(ShellParser.parse(text, bounds, 0, 0), "", 0, "", Stdin.NONE, true);
  }

  /** Analyses a script that a command runs; syntax errors point at the top-level command. */
  void nested(String text, String context, int depth, String note, Stdin stdin) {
    bounds.checkDepth(depth, topOffset);
    Script script;
    try {
      script = ShellParser.parse(text, bounds, depth, 0);
    } catch (ShellSyntaxError e) {
      throw new ShellSyntaxError(
          e.problem(), "in a script that a command runs: " + e.getMessage(), topOffset);
    }
    walk(script, context, depth, note, stdin, false);
  }

  /** Classifies a command line run directly by another command. */
  Verdict invoke(
      List<Word> words, String context, int depth, String note, String added, Stdin stdin) {
    bounds.checkDepth(depth, topOffset);
    Invocation inv = Wrappers.unwrap(words, maxDepth, topOffset);
    Context ctx = new Context(this, context + "/x", depth, note + added + inv.viaNote(), stdin);
    return Dispatch.classify(inv, ctx).withNote(inv.viaNote() + added);
  }

  boolean isFunction(String name) {
    return functions.contains(name);
  }

  private void walk(
      Script script, String context, int depth, String note, Stdin inherited, boolean top) {
    List<SimpleCommand> commands = script.commands();
    for (int i = 0; i < commands.size(); i++) {
      SimpleCommand cmd = commands.get(i);
      if (top) {
        topOffset = cmd.offset();
      }
      bounds.countCommand(topOffset);
      String hash = hashes.of(cmd, context, i);
      for (int j = 0; j < cmd.substitutions().size(); j++) {
        walk(cmd.substitutions().get(j), hash + "$" + j, depth + 1, note, Stdin.NONE, top);
      }
      if (cmd.definesFunction()) {
        functions.add(cmd.words().getLast().text());
      } else if (!onlyKeywords(cmd)) {
        Stdin stdin = StdinSources.of(cmd, i > 0 ? commands.get(i - 1) : cmd, inherited);
        command(cmd, hash, depth, note, stdin);
      }
    }
  }

  private void command(SimpleCommand cmd, String hash, int depth, String note, Stdin stdin) {
    Invocation inv = Wrappers.unwrap(cmd.words(), maxDepth, topOffset);
    int before = actions.size();
    Context ctx = new Context(this, hash, depth, note + inv.viaNote(), stdin);
    Verdict verdict = Redirects.apply(Dispatch.classify(inv, ctx), inv, cmd);
    if (verdict.isEmpty() && actions.size() == before) {
      verdict = Verdict.one(Verb.NOOP, "command", inv.display(), false, "runs an empty script");
    }
    emit(verdict, inv, hash, note);
  }

  private void emit(Verdict verdict, Invocation inv, String hash, String note) {
    String suffix = inv.viaNote() + note;
    for (Outcome o : verdict.outcomes()) {
      Action action =
          new Action(
              o.verb(), o.resourceType(), o.address(), "", o.stateful(), o.reason() + suffix, hash);
      actions.add(action);
      if (action.dataLoss()) {
        boolean uncommitted = o.resourceType().equals("git-working-tree");
        findings.add(
            new Finding(
                uncommitted ? Severity.WARNING : Severity.HIGH,
                "data-loss",
                o.reason() + ": " + o.address() + " and the data in it are lost.",
                o.address()));
      }
    }
    findings.addAll(verdict.findings());
  }

  private static boolean onlyKeywords(SimpleCommand cmd) {
    if (!cmd.redirects().isEmpty() || cmd.words().isEmpty()) {
      return false;
    }
    for (Word w : cmd.words()) {
      if (w.flags() != 0 || !Keywords.isKeyword(w.text())) {
        return false;
      }
    }
    return true;
  }
}
