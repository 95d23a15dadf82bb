package dev.countersign.analyze.shell;

import dev.countersign.analyze.InputLimits;
import dev.countersign.digest.ChangeDigest;
import dev.countersign.model.Action;
import dev.countersign.model.Analysis;
import dev.countersign.model.ChangeKind;
import dev.countersign.model.Verb;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Test helpers for shell analysis. */
final class Shell {

  private Shell() {}

  static Analysis analyze(String command) {
    return ShellCommands.analyzer()
        .analyze(command.getBytes(StandardCharsets.UTF_8), InputLimits.defaults());
  }

  static List<Action> actions(String command) {
    return analyze(command).actions();
  }

  static Action only(String command) {
    List<Action> actions = actions(command);
    if (actions.size() != 1) {
      throw new AssertionError("expected one action for <" + command + "> but got " + actions);
    }
    return actions.getFirst();
  }

  static List<Verb> verbs(String command) {
    return actions(command).stream().map(Action::verb).toList();
  }

  static String digest(String command) {
    return ChangeDigest.of(ChangeKind.SHELL, "production", List.of(), actions(command));
  }
}
