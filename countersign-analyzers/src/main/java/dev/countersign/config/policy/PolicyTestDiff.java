package dev.countersign.config.policy;

import dev.countersign.policy.Decision;
import dev.countersign.policy.MatchedRule;
import dev.countersign.policy.Requirement;
import java.util.ArrayList;
import java.util.List;

/** Compares a decision with a test's expectation and says what differs, one sentence each. */
final class PolicyTestDiff {
  private PolicyTestDiff() {}

  static List<String> failures(PolicyTestCase.Expectation expect, Decision d, List<String> ruleNames) {
    List<String> out = new ArrayList<>();
    List<String> matched = d.matched().stream().map(MatchedRule::rule).toList();
    if (expect.decision() != d.outcome()) {
      out.add("decision: expected " + expect.decision().wire() + ", got " + d.outcome().wire());
    }
    for (String rule : expect.matched()) {
      if (!ruleNames.contains(rule)) {
        out.add("expect.matched names rule '" + rule + "', which is not in the policy");
      } else if (!matched.contains(rule)) {
        out.add("matched: expected '" + rule + "' among " + matched);
      }
    }
    for (String rule : expect.notMatched()) {
      if (!ruleNames.contains(rule)) {
        out.add("expect.notMatched names rule '" + rule + "', which is not in the policy");
      } else if (matched.contains(rule)) {
        out.add("notMatched: expected '" + rule + "' not to match, but it did");
      }
    }
    int missing = d.outstanding().stream().mapToInt(Requirement::missing).sum();
    expect.outstanding().filter(n -> n != missing).ifPresent(
        n -> out.add("outstanding: expected " + n + " missing approvals, got " + missing));
    for (String text : expect.reasonsContain()) {
      if (d.reasons().stream().noneMatch(r -> r.contains(text))) {
        out.add("reasons: expected one containing '" + text + "'");
      }
    }
    return out;
  }

  static String describe(Decision d) {
    List<String> matched = d.matched().stream().map(MatchedRule::rule).toList();
    int missing = d.outstanding().stream().mapToInt(Requirement::missing).sum();
    return d.outcome().wire() + ", matched " + matched + ", outstanding " + missing + ", reasons " + d.reasons();
  }
}
