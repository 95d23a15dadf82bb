package dev.countersign.model;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What a change will do: its actions, what they add up to, and what a reviewer should know.
 *
 * <p>Build one with {@link #of}, which adds the findings that follow from the actions alone (such
 * as recreate-environment by ratio), so every analyser reaches the same conclusions.
 */
public record Analysis(
    ChangeKind kind, List<Action> actions, List<Finding> findings, BlastRadius blastRadius) {

  /** A change that deletes or replaces at least this many resources... */
  public static final int RECREATE_MIN_DESTROYED = 10;

  public Analysis {
    requireNonNull(kind, "kind");
    actions = List.copyOf(actions);
    findings = List.copyOf(findings);
    requireNonNull(blastRadius, "blastRadius");
  }

  /** Builds an analysis and adds the findings every format shares. */
  public static Analysis of(
      ChangeKind kind, List<Action> actions, List<Finding> findings, BlastRadius blastRadius) {
    List<Finding> all = new ArrayList<>(findings);
    long touched = actions.stream().filter(a -> a.verb().mutating()).count();
    long destroyed = actions.stream().filter(Action::destructive).count();
    boolean alreadyFlagged = all.stream().anyMatch(f -> f.code().equals(Finding.RECREATE_ENVIRONMENT));
    // A commit range deleting files is code clean-up, not an environment torn down.
    boolean environmentKind = kind != ChangeKind.GIT;
    if (environmentKind && !alreadyFlagged && destroyed >= RECREATE_MIN_DESTROYED && destroyed * 2 >= touched) {
      all.add(
          new Finding(
              Severity.CRITICAL,
              Finding.RECREATE_ENVIRONMENT,
              "This change deletes or replaces "
                  + destroyed
                  + " of the "
                  + touched
                  + " resources it touches: it tears down and rebuilds the environment.",
              ""));
    }
    return new Analysis(kind, actions, all, blastRadius);
  }

  /** Number of actions per verb, every verb present (zero when absent). */
  public Map<Verb, Integer> summary() {
    Map<Verb, Integer> counts = new EnumMap<>(Verb.class);
    for (Verb v : Verb.values()) {
      counts.put(v, 0);
    }
    for (Action a : actions) {
      counts.merge(a.verb(), 1, Integer::sum);
    }
    return counts;
  }

  /** Whether anything changes at all (any action other than read and noop). */
  public boolean mutating() {
    return actions.stream().anyMatch(a -> a.verb().mutating());
  }

  /** Whether anything is deleted or rebuilt. */
  public boolean destructive() {
    return actions.stream().anyMatch(Action::destructive);
  }

  /** Whether data is lost: a delete or replace of a stateful resource. */
  public boolean dataLoss() {
    return actions.stream().anyMatch(Action::dataLoss);
  }

  /** Whether the change tears down an environment. */
  public boolean recreateEnvironment() {
    return hasFinding(Finding.RECREATE_ENVIRONMENT);
  }

  /** Whether what is lost cannot be brought back by re-applying: data loss or a recreated environment. */
  public boolean irreversible() {
    return dataLoss() || recreateEnvironment();
  }

  /** Whether a finding with this code was raised. */
  public boolean hasFinding(String code) {
    return findings.stream().anyMatch(f -> f.code().equals(code));
  }

  /** A 0–100 score for sorting and dashboards; policies should use the facts, not the score. */
  public int riskScore() {
    int score = 0;
    if (mutating()) {
      score += 10;
    }
    if (destructive()) {
      score += 25;
    }
    if (dataLoss()) {
      score += 25;
    }
    if (recreateEnvironment()) {
      score += 25;
    }
    score += (int) Math.min(15, blastRadius.score());
    return Math.min(100, score);
  }

  /** The same analysis with a blast radius computed elsewhere (e.g. from a service catalog). */
  public Analysis withBlastRadius(BlastRadius radius) {
    return new Analysis(kind, actions, findings, radius);
  }
}
