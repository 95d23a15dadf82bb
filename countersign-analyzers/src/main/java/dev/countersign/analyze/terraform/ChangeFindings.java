package dev.countersign.analyze.terraform;

import dev.countersign.model.Action;
import dev.countersign.model.Finding;
import dev.countersign.model.Severity;
import dev.countersign.model.Verb;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The findings one resource change raises on its own: data loss, replace, environment, oddities.
 */
final class ChangeFindings {

  static final String DATA_LOSS = "data-loss";
  static final String REPLACE = "replace";
  static final String FORGET = "forget";
  static final String UNKNOWN_PLAN_ACTION = "unknown-plan-action";

  private ChangeFindings() {}

  static List<Finding> of(Action action, PlanAction planAction, Object replacePaths) {
    List<Finding> findings = new ArrayList<>(2);
    String address = action.address();
    String type = action.resourceType();
    String doing = action.verb() == Verb.REPLACE ? "Replacing " : "Deleting ";
    if (action.dataLoss()) {
      String family = StatefulResources.family(type).orElse("stateful data");
      findings.add(
          new Finding(
              Severity.HIGH,
              DATA_LOSS,
              doing + address + " (" + type + ", " + family + ") destroys the data it holds.",
              address));
    }
    if (action.destructive() && EnvironmentContainers.contains(type)) {
      findings.add(
          new Finding(
              Severity.CRITICAL,
              Finding.RECREATE_ENVIRONMENT,
              doing
                  + address
                  + " ("
                  + type
                  + ") tears down an environment-level container"
                  + " and everything in it.",
              address));
    }
    if (action.verb() == Verb.REPLACE) {
      findings.add(
          new Finding(
              Severity.WARNING,
              REPLACE,
              replaceMessage(action, planAction, replacePaths),
              address));
    }
    shapeFinding(action, planAction).ifPresent(findings::add);
    return findings;
  }

  /** The finding for a forget or an unknown action list, if the list is one. */
  private static Optional<Finding> shapeFinding(Action action, PlanAction planAction) {
    String address = action.address();
    String message =
        switch (planAction.shape()) {
          case FORGET ->
              address
                  + " is removed from Terraform state but not destroyed: it keeps running,"
                  + " unmanaged.";
          case REPLACE_AND_FORGET ->
              address
                  + " is replaced, but the old object is not destroyed (destroy = false): it keeps"
                  + " running, unmanaged.";
          case UNKNOWN ->
              "Countersign does not know the plan action of "
                  + address
                  + "; it is treated as "
                  + action.verb().wire()
                  + " so that a person reviews it.";
          default -> "";
        };
    if (message.isEmpty()) {
      return Optional.empty();
    }
    boolean unknown = planAction.shape() == PlanAction.Shape.UNKNOWN;
    return Optional.of(
        new Finding(
            unknown ? Severity.HIGH : Severity.WARNING,
            unknown ? UNKNOWN_PLAN_ACTION : FORGET,
            message,
            address));
  }

  private static String replaceMessage(Action action, PlanAction planAction, Object replacePaths) {
    StringBuilder m = new StringBuilder(action.address());
    m.append(
        planAction.shape() == PlanAction.Shape.CREATE_BEFORE_DESTROY
            ? " is replaced: a new object is created, then the old one destroyed"
            : " is replaced: the old object is destroyed, then a new one created");
    String paths = ReplacePaths.describe(replacePaths);
    if (!paths.isEmpty()) {
      m.append(", because of changes to ").append(paths);
    }
    return m.append('.').toString();
  }
}
