package dev.countersign.analyze.shell;

import dev.countersign.model.Finding;
import dev.countersign.model.Severity;
import dev.countersign.model.Verb;
import java.util.ArrayList;
import java.util.List;

/**
 * What a rule concludes about one command: the actions it derives (usually one) and findings.
 *
 * @param outcomes the actions, before the analyser adds the content hash
 * @param findings what a reviewer should know
 */
record Verdict(List<Outcome> outcomes, List<Finding> findings) {

  /** No action of its own: what the command runs was analysed and emitted already. */
  static final Verdict NONE = new Verdict(List.of(), List.of());

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
  record Outcome(Verb verb, String resourceType, String address, boolean stateful, String reason) {

    Outcome withReason(String newReason) {
      return new Outcome(verb, resourceType, address, stateful, newReason);
    }
  }

  static Verdict of(Outcome... outcomes) {
    return new Verdict(List.of(outcomes), List.of());
  }

  static Verdict of(List<Outcome> outcomes) {
    return new Verdict(outcomes, List.of());
  }

  /** One action. */
  static Verdict one(Verb verb, String type, String address, boolean stateful, String reason) {
    return of(new Outcome(verb, type, address, stateful, reason));
  }

  /** A command that only reads. */
  static Verdict read(Invocation inv, String resourceType) {
    return one(Verb.READ, resourceType, inv.display(), false, inv.program() + " only reads");
  }

  /** A command whose effect is known to be a non-destructive change, with the reason. */
  static Verdict exec(Invocation inv, String reason) {
    return one(Verb.EXEC, "command", inv.display(), false, reason);
  }

  /** A command Countersign cannot see into: exec with an {@code opaque} finding. */
  static Verdict opaque(Invocation inv, String reason) {
    return exec(inv, reason)
        .plus(
            new Finding(
                Severity.WARNING,
                ShellCommands.OPAQUE,
                reason + "; Countersign cannot tell what it changes, so a human should look.",
                inv.display()));
  }

  boolean isEmpty() {
    return outcomes.isEmpty() && findings.isEmpty();
  }

  /** Whether every action only reads or does nothing. */
  boolean onlyReads() {
    for (Outcome o : outcomes) {
      if (o.verb().mutating()) {
        return false;
      }
    }
    return true;
  }

  /** The same verdict with one more finding. */
  Verdict plus(Finding finding) {
    List<Finding> all = new ArrayList<>(findings);
    all.add(finding);
    return new Verdict(outcomes, all);
  }

  /** The same verdict with a warning finding. */
  Verdict warn(String code, String message, String address) {
    return plus(new Finding(Severity.WARNING, code, message, address));
  }

  /** The outcomes and findings of both. */
  Verdict and(Verdict other) {
    if (other.isEmpty()) {
      return this;
    }
    if (isEmpty()) {
      return other;
    }
    List<Outcome> o = new ArrayList<>(outcomes);
    o.addAll(other.outcomes);
    List<Finding> f = new ArrayList<>(findings);
    f.addAll(other.findings);
    return new Verdict(o, f);
  }

  /** The same verdict with {@code note} appended to every reason, e.g. " inside pod web-1". */
  Verdict withNote(String note) {
    if (note.isEmpty()) {
      return this;
    }
    List<Outcome> o = new ArrayList<>(outcomes.size());
    for (Outcome outcome : outcomes) {
      o.add(outcome.withReason(outcome.reason() + note));
    }
    return new Verdict(o, findings);
  }

  /** The same verdict plus a recreate-environment finding about {@code address}. */
  Verdict recreatesEnvironment(String message, String address) {
    return plus(new Finding(Severity.CRITICAL, Finding.RECREATE_ENVIRONMENT, message, address));
  }
}
