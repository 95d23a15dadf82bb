package dev.countersign.policy;

import dev.countersign.directory.Directory;
import dev.countersign.directory.Human;
import dev.countersign.directory.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The policy engine: built-in least privilege, then the rules in order, then approvals. */
final class PolicyEngineImpl implements PolicyEngine {
  private final CompiledPolicy policy;
  private final EngineConfig config;

  PolicyEngineImpl(CompiledPolicy policy, EngineConfig config) {
    this.policy = policy;
    this.config = config;
  }

  @Override
  public String policyDigest() {
    return policy.digest();
  }

  @Override
  public Decision decide(DecisionInput input, List<Review> reviews, Directory directory) {
    Evaluation eval = Evaluation.of(policy, input);
    List<String> violations;
    try {
      violations = LeastPrivilege.violations(input, directory);
    } catch (RuntimeException e) {
      violations = List.of("the agent's grants could not be checked (" + e.getClass().getSimpleName()
          + ": " + e.getMessage() + "), so it may do nothing (fail closed)");
    }
    if (!violations.isEmpty()) {
      eval.builtInDeny(Rule.AGENT_LEAST_PRIVILEGE, violations);
    }
    ReviewLedger ledger = ReviewLedger.of(input, reviews, directory, config.approvalLifetime());
    List<Requirement> requirements = new ArrayList<>();
    List<String> requirementReasons = new ArrayList<>();
    for (CompiledRule rule : eval.requireRules()) {
      List<Requirement> groups = Approvals.count(eval, rule, ledger.approvers());
      requirements.addAll(groups);
      requirementReasons.add(Wording.requirements(rule.rule(), groups));
    }
    List<String> notes = new ArrayList<>();
    for (ReviewLedger.Rejection x : ledger.rejections()) {
      if (Approvals.eligibleForAny(eval, eval.requireRules(), x.reviewer())) {
        eval.deny(Wording.rejected(x.review()));
      } else {
        notes.add("reject by " + x.reviewer().id() + " does not block: they are not eligible for any approval this change needs");
      }
    }
    Outcome outcome = outcome(eval, requirements);
    List<String> reasons = new ArrayList<>(eval.denyReasons());
    reasons.addAll(requirementReasons);
    reasons.addAll(eval.advisoryReasons());
    if (!requirements.isEmpty() || !eval.requireRules().isEmpty()) {
      reasons.addAll(ledger.notes());
      reasons.addAll(notes);
    }
    if (outcome == Outcome.ALLOW) {
      reasons.addAll(eval.allowReasons());
    }
    return new Decision(
        outcome, eval.matched(outcome), requirements, reasons, policy.digest(), input.change().digest());
  }

  @Override
  public Optional<String> reviewRefusal(DecisionInput input, Principal reviewer) {
    return refusal(input, reviewer, Optional.empty());
  }

  @Override
  public Optional<String> reviewRefusal(DecisionInput input, Principal reviewer, Directory directory) {
    return refusal(input, reviewer, Optional.of(directory));
  }

  private Optional<String> refusal(DecisionInput input, Principal reviewer, Optional<Directory> directory) {
    Optional<String> always = ReviewerRules.refusal(input, reviewer);
    if (always.isPresent()) {
      return always;
    }
    if (directory.isPresent() && directory.get().find(reviewer.id()).isEmpty()) {
      return Optional.of("unknown reviewer: " + reviewer.id() + " is not in the directory");
    }
    Evaluation eval = Evaluation.of(policy, input);
    if (eval.requireRules().isEmpty()) {
      Decision d = directory.map(dir -> decide(input, List.of(), dir)).orElseGet(() -> withoutDirectory(eval));
      String why = d.reasons().isEmpty() ? "" : " (" + d.reasons().get(0) + ")";
      return Optional.of("nothing to approve: " + d.outcome().wire() + why);
    }
    Human human = (Human) reviewer;
    if (Approvals.eligibleForAny(eval, eval.requireRules(), human)) {
      return Optional.empty();
    }
    List<Requirement> needed = new ArrayList<>();
    for (CompiledRule rule : eval.requireRules()) {
      needed.addAll(Approvals.count(eval, rule, List.of()));
    }
    return Optional.of("this change needs " + Wording.needs(needed) + "; you are " + Wording.who(human));
  }

  private Decision withoutDirectory(Evaluation eval) {
    Outcome outcome = eval.denied() ? Outcome.DENY : Outcome.ALLOW;
    List<String> reasons = outcome == Outcome.DENY ? eval.denyReasons() : eval.allowReasons();
    return new Decision(outcome, eval.matched(outcome), List.of(), reasons, policy.digest(),
        eval.input().change().digest());
  }

  private static Outcome outcome(Evaluation eval, List<Requirement> requirements) {
    if (eval.denied()) {
      return Outcome.DENY;
    }
    for (Requirement r : requirements) {
      if (!r.satisfied()) {
        return Outcome.NEEDS_APPROVAL;
      }
    }
    return Outcome.ALLOW;
  }
}
