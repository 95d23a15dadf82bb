package dev.countersign.analyze.kubernetes;

import dev.countersign.model.Action;
import dev.countersign.model.Finding;
import dev.countersign.model.Severity;
import java.util.ArrayList;
import java.util.List;

/** The findings one Kubernetes action raises because of its kind: data loss, environment. */
final class KubernetesFindings {

  static final String DATA_LOSS = "data-loss";
  static final String DRY_RUN = "dry-run";

  private KubernetesFindings() {}

  /** The findings of an action on an object of this kind. */
  static List<Finding> of(Action action, String kind) {
    List<Finding> findings = new ArrayList<>(2);
    String address = action.address();
    if (action.dataLoss()) {
      findings.add(
          new Finding(
              Severity.HIGH,
              DATA_LOSS,
              "Deleting "
                  + address
                  + " ("
                  + KubernetesKinds.family(kind).orElse("stateful data")
                  + ") destroys the data it holds.",
              address));
    }
    if (action.destructive() && kind.equals("Namespace")) {
      findings.add(
          new Finding(
              Severity.CRITICAL,
              Finding.RECREATE_ENVIRONMENT,
              "Deleting namespace "
                  + address
                  + " tears down an environment: every object in it is deleted.",
              address));
    }
    return findings;
  }

  /** The finding of a dry-run request: nothing is persisted, but it shows what would be done. */
  static Finding dryRun(Action action) {
    return new Finding(
        Severity.INFO,
        DRY_RUN,
        "This is a dry run: the API server persists nothing; the verb is what a real run would do.",
        action.address());
  }
}
