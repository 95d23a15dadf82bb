package dev.countersign.server.agent;

import dev.countersign.policy.Decision;
import dev.countersign.policy.Effect;
import dev.countersign.policy.Enforcement;
import dev.countersign.policy.MatchedRule;
import dev.countersign.policy.Outcome;
import dev.countersign.policy.Requirement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The sentences a hook answers with: each names the rule that decided and what would make it pass. */
public final class Explanations {
  private static final String PREFIX = "Countersign: ";

  private Explanations() {}

  /** The rules that decided: the deny rules of a deny, the open requirements, or what allowed. */
  public static List<String> decidingRules(Decision d) {
    Set<String> out = new LinkedHashSet<>();
    switch (d.outcome()) {
      case DENY -> d.matched().stream()
          .filter(m -> m.effect() == Effect.DENY && m.enforcement() != Enforcement.ADVISORY)
          .map(MatchedRule::rule)
          .forEach(out::add);
      case NEEDS_APPROVAL -> d.outstanding().forEach(r -> out.add(r.rule()));
      case ALLOW -> {
        d.requirements().forEach(r -> out.add(r.rule()));
        if (out.isEmpty()) {
          d.matched().stream().filter(m -> m.effect() == Effect.ALLOW).map(MatchedRule::rule).forEach(out::add);
        }
      }
    }
    return List.copyOf(out);
  }

  /** Why the call may run. */
  public static String allowed(Decision d) {
    List<String> rules = decidingRules(d);
    return PREFIX + "allowed" + (rules.isEmpty() ? "" : " by rule '" + String.join("', '", rules) + "'") + ".";
  }

  /** Why the call may run once: an approval was used up. */
  public static String allowedOnce(String changeId, Decision d) {
    List<String> approvers = new ArrayList<>();
    d.requirements().forEach(r -> approvers.addAll(r.approvedBy()));
    return PREFIX + "allowed once: change " + changeId + " was approved"
        + (approvers.isEmpty() ? "" : " by " + String.join(", ", new LinkedHashSet<>(approvers)))
        + "; the approval is now used, so running this again needs a new approval.";
  }

  /** Why the call is denied, from the decision's first reason (it names the rule). */
  public static String denied(Decision d) {
    if (d.outcome() != Outcome.DENY || d.reasons().isEmpty()) {
      return PREFIX + "denied (no rule allowed this call).";
    }
    String first = d.reasons().get(0);
    List<String> others = decidingRules(d).stream().filter(r -> !first.contains("'" + r + "'")).toList();
    return PREFIX + trim(first) + (others.isEmpty() ? "" : "; also denied by rule '" + String.join("', '", others) + "'") + ".";
  }

  /** Why the call waits for approval, which change it is and how to approve it. */
  public static String pending(String changeId, Decision d, long waitedSeconds) {
    StringBuilder out = new StringBuilder(PREFIX).append("this call needs approval: ");
    List<Requirement> open = d.outstanding();
    for (int i = 0; i < open.size(); i++) {
      Requirement r = open.get(i);
      out.append(i == 0 ? "" : " and ").append(r.missing()).append(r.missing() == 1 ? " approval" : " approvals")
          .append(" from ").append(r.eligible()).append(" (rule '").append(r.rule()).append("')");
    }
    out.append(". It is recorded as change ").append(changeId);
    if (waitedSeconds > 0) {
      out.append(", still pending after ").append(waitedSeconds).append(" s");
    }
    out.append("; a reviewer approves it with `countersign approve ").append(changeId)
        .append("` (or POST /v1/changes/").append(changeId)
        .append("/reviews), and then the same call may run once when retried.");
    return out.toString();
  }

  /** Why the call is denied: a reviewer rejected its change. */
  public static String rejected(String changeId, Decision d) {
    String why = d.reasons().isEmpty() ? "rejected" : d.reasons().get(0);
    return PREFIX + "change " + changeId + " for this call was " + trim(why)
        + "; the agent must not run it (a new identical call asks again).";
  }

  /** A refusal before any policy ran: bad input, a token that cannot be used, an error. */
  public static String refused(String why) {
    return PREFIX + "denied, " + trim(why) + ".";
  }

  private static String trim(String s) {
    String t = s.strip();
    while (t.endsWith(".")) {
      t = t.substring(0, t.length() - 1);
    }
    return t;
  }
}
