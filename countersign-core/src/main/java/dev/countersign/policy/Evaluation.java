package dev.countersign.policy;

import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelVariableResolver;
import dev.countersign.directory.Human;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The rule-by-rule state of one decision: which rules matched, what they deny or require, and the
 * CEL evaluation behind it. Built once per decision; not thread-safe.
 */
final class Evaluation {
  /** A matched rule in policy order; allow markers are listed only when the outcome is allow. */
  private record Hit(MatchedRule rule, boolean allowMarker) {}

  private final DecisionInput input;
  private final Activation activation;
  private final List<Hit> hits = new ArrayList<>();
  private final List<CompiledRule> requireRules = new ArrayList<>();
  private final List<String> denyReasons = new ArrayList<>();
  private final List<String> advisoryReasons = new ArrayList<>();
  private final List<String> allowReasons = new ArrayList<>();
  private final Map<String, CelRecord> approverValues = new HashMap<>();

  private Evaluation(DecisionInput input) {
    this.input = input;
    this.activation = Activation.of(input);
  }

  /** Evaluates the match expression of every rule of {@code policy} against {@code input}. */
  static Evaluation of(CompiledPolicy policy, DecisionInput input) {
    Evaluation e = new Evaluation(input);
    for (CompiledRule rule : policy.compiledRules()) {
      e.match(rule);
    }
    return e;
  }

  /** Records a hard deny by a rule that is not in the policy (the built-in least-privilege rule). */
  void builtInDeny(String rule, List<String> violations) {
    hits.add(0, new Hit(new MatchedRule(rule, Effect.DENY, Enforcement.HARD, String.join("; ", violations)), false));
    for (String v : violations) {
      denyReasons.add("denied by built-in rule '" + rule + "' (hard): " + v);
    }
  }

  /** Records a deny that is not a rule's (a reject, an evaluation error). */
  void deny(String reason) {
    denyReasons.add(reason);
  }

  /** The matched enforcing require rules, in policy order. */
  List<CompiledRule> requireRules() {
    return requireRules;
  }

  /** Whether approver {@code who} satisfies group {@code group} of {@code rule}; false and a deny on error. */
  boolean eligible(CompiledRule rule, int group, Human who) {
    CelRecord approver = approverValues.computeIfAbsent(who.id(), id -> Activation.person(who));
    try {
      return eval(rule.eligible().get(group), activation.withApprover(approver));
    } catch (CelEvaluationException | RuntimeException e) {
      failClosed(rule.rule(), "requires[" + group + "].eligible for " + who.id(), e);
      return false;
    }
  }

  /** Whether anything so far denies the change. */
  boolean denied() {
    return !denyReasons.isEmpty();
  }

  /** Reasons that deny, in order. */
  List<String> denyReasons() {
    return denyReasons;
  }

  /** Advisory notes, in order. */
  List<String> advisoryReasons() {
    return advisoryReasons;
  }

  /** Why the change is allowed when nothing else applies. */
  List<String> allowReasons() {
    return allowReasons.isEmpty()
        ? List.of("allowed: no rule denies this change or requires approval for it")
        : allowReasons;
  }

  /** The matched rules to report for {@code outcome}. */
  List<MatchedRule> matched(Outcome outcome) {
    List<MatchedRule> out = new ArrayList<>(hits.size());
    for (Hit h : hits) {
      if (!h.allowMarker() || outcome == Outcome.ALLOW) {
        out.add(h.rule());
      }
    }
    return out;
  }

  private void match(CompiledRule compiled) {
    Rule rule = compiled.rule();
    boolean holds;
    try {
      holds = eval(compiled.match(), activation);
    } catch (CelEvaluationException | RuntimeException e) {
      failClosed(rule, "match", e);
      return;
    }
    if (!holds) {
      return;
    }
    MatchedRule m = new MatchedRule(rule.name(), rule.effect(), rule.enforcement(), rule.message());
    hits.add(new Hit(m, rule.effect() == Effect.ALLOW));
    if (!rule.enforcing()) {
      advisoryReasons.add("advisory rule '" + rule.name() + "' (" + rule.effect().wire() + ") matched: " + rule.message());
      return;
    }
    switch (rule.effect()) {
      case DENY -> denyReasons.add(Wording.denied(rule));
      case REQUIRE -> requireRules.add(compiled);
      case ALLOW -> allowReasons.add("allowed by rule '" + rule.name() + "': " + rule.message());
    }
  }

  private void failClosed(Rule rule, String what, Exception e) {
    String error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    if (rule.enforcing()) {
      denyReasons.add(
          "denied (fail closed): rule '" + rule.name() + "' " + what + " could not be evaluated: " + error);
    } else {
      advisoryReasons.add("advisory rule '" + rule.name() + "' " + what + " could not be evaluated: " + error);
    }
  }

  private static boolean eval(CelRuntime.Program program, CelVariableResolver vars)
      throws CelEvaluationException {
    Object result = program.eval(vars);
    if (result instanceof Boolean b) {
      return b;
    }
    throw new IllegalStateException("expected a bool, got " + result.getClass().getSimpleName());
  }

  DecisionInput input() {
    return input;
  }
}
