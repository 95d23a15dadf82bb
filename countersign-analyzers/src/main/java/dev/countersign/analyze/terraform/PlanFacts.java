package dev.countersign.analyze.terraform;

import dev.countersign.model.Action;
import dev.countersign.model.Finding;
import dev.countersign.model.Severity;
import java.util.ArrayList;
import java.util.List;

/** What the analyser collects while streaming through a plan, and the plan-wide findings. */
final class PlanFacts {

  private final List<Action> actions = new ArrayList<>();
  private final List<Finding> changeFindings = new ArrayList<>();
  private int drift;
  private int actionInvocations;
  private int deferred;
  private boolean errored;
  private String formatVersion = "";

  void add(ResourceChangeMapper.Mapped mapped) {
    actions.add(mapped.action());
    changeFindings.addAll(mapped.findings());
  }

  void drift(int count) {
    drift += count;
  }

  void actionInvocations(int count) {
    actionInvocations += count;
  }

  void deferred(int count) {
    deferred += count;
  }

  void errored(boolean value) {
    errored |= value;
  }

  void formatVersion(String version) {
    formatVersion = version;
  }

  List<Action> actions() {
    return actions;
  }

  List<Finding> findings() {
    List<Finding> all = new ArrayList<>(changeFindings);
    if (drift > 0) {
      all.add(
          info(
              "resource-drift",
              drift
                  + " resource(s) changed outside Terraform since the last apply"
                  + " (resource_drift)."));
    }
    if (actionInvocations > 0) {
      all.add(
          info(
              "action-invocations",
              "The plan invokes "
                  + actionInvocations
                  + " provider action(s) (action_invocations), which run side effects not shown as"
                  + " resource changes."));
    }
    if (deferred > 0) {
      all.add(
          new Finding(
              Severity.WARNING,
              "deferred-changes",
              deferred
                  + " change(s) are deferred to a later plan and are not part of this analysis.",
              ""));
    }
    if (errored) {
      all.add(
          new Finding(
              Severity.WARNING,
              "plan-errored",
              "Terraform reported errors while planning (errored: true): the plan may be"
                  + " incomplete.",
              ""));
    }
    if (!formatVersion.isEmpty()
        && !formatVersion.startsWith("0.")
        && !formatVersion.startsWith("1.")) {
      all.add(
          new Finding(
              Severity.WARNING,
              "unknown-format-version",
              "The plan's format version "
                  + formatVersion
                  + " is newer than this analyser knows; fields it does not know are ignored.",
              ""));
    }
    return all;
  }

  private static Finding info(String code, String message) {
    return new Finding(Severity.INFO, code, message, "");
  }
}
