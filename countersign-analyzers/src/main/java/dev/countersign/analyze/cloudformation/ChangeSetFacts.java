package dev.countersign.analyze.cloudformation;

import dev.countersign.model.Action;
import dev.countersign.model.Finding;
import dev.countersign.model.Severity;
import java.util.ArrayList;
import java.util.List;

/** What the change set adds up to while it is read: its actions and findings. */
final class ChangeSetFacts {

  static final String CHANGE_SET_FAILED = "change-set-failed";

  private final List<Action> actions = new ArrayList<>();
  private final List<Finding> findings = new ArrayList<>();
  private String status = "";
  private String statusReason = "";

  void add(Action action, List<Finding> raised) {
    actions.add(action);
    findings.addAll(raised);
  }

  void add(Finding finding) {
    findings.add(finding);
  }

  void status(String value) {
    status = value;
  }

  void statusReason(String value) {
    statusReason = value;
  }

  List<Action> actions() {
    return List.copyOf(actions);
  }

  /** The findings, with one about a failed change set when CloudFormation marked it so. */
  List<Finding> findings() {
    List<Finding> all = new ArrayList<>(findings);
    if (status.equals("FAILED")) {
      all.add(
          new Finding(
              Severity.WARNING,
              CHANGE_SET_FAILED,
              "CloudFormation marked this change set FAILED"
                  + (statusReason.isBlank() ? "" : " (" + statusReason.strip() + ")")
                  + ": it cannot be executed as it is.",
              ""));
    }
    return List.copyOf(all);
  }
}
