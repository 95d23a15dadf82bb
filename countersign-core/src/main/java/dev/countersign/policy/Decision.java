package dev.countersign.policy;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * The answer for one change: the outcome, the rules that matched, the approvals still required and
 * the reasons in words.
 *
 * @param outcome allow, deny or needs_approval
 * @param matched every rule whose match held, in policy order
 * @param requirements every approval group of every matched enforcing require rule (satisfied or not)
 * @param reasons one sentence per thing that shaped the outcome
 * @param policyDigest the digest of the policy set that decided
 * @param changeDigest the digest of the change decided on
 */
public record Decision(
    Outcome outcome,
    List<MatchedRule> matched,
    List<Requirement> requirements,
    List<String> reasons,
    String policyDigest,
    String changeDigest) {
  public Decision {
    requireNonNull(outcome, "outcome");
    matched = List.copyOf(matched);
    requirements = List.copyOf(requirements);
    reasons = List.copyOf(reasons);
    requireNonNull(policyDigest, "policyDigest");
    requireNonNull(changeDigest, "changeDigest");
  }

  /** Requirements not yet satisfied. */
  public List<Requirement> outstanding() {
    return requirements.stream().filter(r -> !r.satisfied()).toList();
  }
}
