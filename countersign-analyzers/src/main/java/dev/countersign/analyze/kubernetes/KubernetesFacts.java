package dev.countersign.analyze.kubernetes;

import dev.countersign.model.Action;
import dev.countersign.model.Finding;
import java.util.ArrayList;
import java.util.List;

/** The actions and findings gathered while the documents are mapped. */
final class KubernetesFacts {

  private final List<Action> actions = new ArrayList<>();
  private final List<Finding> findings = new ArrayList<>();

  void add(Action action, List<Finding> raised) {
    actions.add(action);
    findings.addAll(raised);
  }

  List<Action> actions() {
    return List.copyOf(actions);
  }

  List<Finding> findings() {
    return List.copyOf(findings);
  }
}
