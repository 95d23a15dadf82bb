package dev.countersign.analyze.shell;

import dev.countersign.model.Finding;
import dev.countersign.model.Severity;
import dev.countersign.model.Verb;
import java.util.ArrayList;
import java.util.List;

/**
 * What a rule concludes about one command: the actions it derives (usually one) and findings.
 *
 * @param outcomes the actions, before the analyser adds position and content hash
 * @param findings what a reviewer should know
 */
record Verdict(List<Outcome> outcomes, List<Finding> findings) {

  Verdict {
    outcomes = List.copyOf(outcomes);
    findings = List.copyOf(findings);
  }

  /**
   * One action a rule derives.
   *
   * @param verb what happens
   * @param resourceType e.g. {@code file}, {@code kubernetes/namespace}, {@code sql-table}
   * @param address what it happens to, e.g. the paths
   * @param stateful whether a delete or replace of it loses data
   * @param reason why, in words
   */
  record Outcome(Verb verb, String resourceType, String address, boolean stateful, String reason) {}

  static Verdict of(Outcome... outcomes) {
    return new Verdict(List.of(outcomes), List.of());
  }

  static Verdict of(List<Outcome> outcomes) {
    return new Verdict(outcomes, List.of());
  }

  /** A command that only reads. */
  static Verdict read(Invocation inv, String resourceType) {
    return of(
        new Outcome(Verb.READ, resourceType, inv.display(), false, inv.program() + " only reads"));
  }

  /** A command whose effect Countersign cannot tell, with the reason. */
  static Verdict exec(Invocation inv, String reason) {
    return of(new Outcome(Verb.EXEC, "command", inv.display(), false, reason));
  }

  /** The same verdict with one more finding. */
  Verdict plus(Finding finding) {
    List<Finding> all = new ArrayList<>(findings);
    all.add(finding);
    return new Verdict(outcomes, all);
  }

  /** The outcomes and findings of both. */
  Verdict and(Verdict other) {
    List<Outcome> o = new ArrayList<>(outcomes);
    o.addAll(other.outcomes);
    List<Finding> f = new ArrayList<>(findings);
    f.addAll(other.findings);
    return new Verdict(o, f);
  }

  /** The same verdict plus a recreate-environment finding about {@code address}. */
  Verdict recreatesEnvironment(String message, String address) {
    return plus(new Finding(Severity.CRITICAL, Finding.RECREATE_ENVIRONMENT, message, address));
  }
}
