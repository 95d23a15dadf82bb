package dev.countersign.analyze.cloudformation;

import dev.countersign.analyze.cloudformation.ChangeAction.Shape;
import dev.countersign.model.Action;
import dev.countersign.model.Finding;
import dev.countersign.model.Severity;
import dev.countersign.model.Verb;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The findings one resource change raises on its own. */
final class ChangeFindings {

  static final String DATA_LOSS = "data-loss";
  static final String REPLACE = "replace";
  static final String MAY_REPLACE = "may-replace";
  static final String RETAIN = "retain";
  static final String DYNAMIC_ACTION = "dynamic-action";
  static final String UNKNOWN_CHANGE_ACTION = "unknown-change-action";
  static final String NESTED_CHANGE_SET = "nested-change-set";

  private ChangeFindings() {}

  /** The findings for an action mapped from {@code actionWord}; {@code nestedChangeSet} or "". */
  static List<Finding> of(
      Action action, ChangeAction mapped, String actionWord, String nestedChangeSet) {
    List<Finding> findings = new ArrayList<>(2);
    findings.addAll(destruction(action, mapped));
    shapeFinding(mapped, action.address()).ifPresent(findings::add);
    if (!mapped.determined()) {
      findings.add(undetermined(action, actionWord));
    }
    if (!nestedChangeSet.isEmpty()) {
      findings.add(
          finding(
              Severity.HIGH,
              NESTED_CHANGE_SET,
              "The changes inside nested stack "
                  + action.address()
                  + " are in its own change set ("
                  + nestedChangeSet
                  + "), which this analysis does not cover; analyse that change set too.",
              action.address()));
    }
    return findings;
  }

  /** Data loss on a stateful type, and the teardown of an environment-level container. */
  private static List<Finding> destruction(Action action, ChangeAction mapped) {
    List<Finding> findings = new ArrayList<>(2);
    String address = action.address();
    String type = action.resourceType();
    String doing =
        (mapped.shape() == Shape.MAY_REPLACE
                ? "Possibly replacing "
                : action.verb() == Verb.REPLACE ? "Replacing " : "Deleting ")
            + address
            + " ("
            + type;
    if (action.dataLoss()) {
      String family = StatefulTypes.family(type).orElse("stateful data");
      findings.add(
          finding(
              Severity.HIGH,
              DATA_LOSS,
              doing + ", " + family + ") destroys the data it holds.",
              address));
    }
    if (action.destructive() && EnvironmentTypes.contains(type)) {
      findings.add(
          finding(
              Severity.CRITICAL,
              Finding.RECREATE_ENVIRONMENT,
              doing + ") tears down an environment-level container and everything in it.",
              address));
    }
    return findings;
  }

  /** CloudFormation could not say what it will do, or said it in a word we do not know. */
  private static Finding undetermined(Action action, String actionWord) {
    boolean dynamic = actionWord.equals("Dynamic");
    return finding(
        Severity.HIGH,
        dynamic ? DYNAMIC_ACTION : UNKNOWN_CHANGE_ACTION,
        (dynamic
                ? "CloudFormation cannot tell yet what it will do to "
                : "CloudFormation reports an action Countersign does not know for ")
            + action.address()
            + "; it is treated as "
            + action.verb().wire()
            + " so that a person reviews it.",
        action.address());
  }

  private static Optional<Finding> shapeFinding(ChangeAction mapped, String address) {
    return switch (mapped.shape()) {
      case REPLACE ->
          Optional.of(
              finding(
                  Severity.WARNING,
                  REPLACE,
                  mapped.sentence().replace("this resource", address) + ".",
                  address));
      case MAY_REPLACE ->
          Optional.of(
              finding(
                  Severity.HIGH,
                  MAY_REPLACE,
                  address
                      + " may be replaced: CloudFormation only decides while the change set runs."
                      + " Countersign counts it as a replacement; it may turn out to be an update"
                      + " in place.",
                  address));
      case RETAIN ->
          Optional.of(
              finding(
                  Severity.WARNING,
                  RETAIN,
                  address
                      + " is removed from the stack but not deleted (DeletionPolicy Retain): it"
                      + " keeps running, unmanaged.",
                  address));
      default -> Optional.empty();
    };
  }

  private static Finding finding(Severity severity, String code, String message, String address) {
    return new Finding(severity, code, message, address);
  }
}
