package dev.countersign.policy;

import dev.countersign.directory.Human;
import dev.countersign.directory.Principal;
import java.util.List;

/** The sentences decisions are explained in, kept in one place so they read alike. */
final class Wording {
  private Wording() {}

  static String denied(Rule rule) {
    String base = "denied by rule '" + rule.name() + "' (" + rule.enforcement().wire() + "): " + rule.message();
    return rule.enforcement() == Enforcement.SOFT
        ? base + "; a senior or above may break glass with a reason (it is recorded and reviewed)"
        : base;
  }

  static String rejected(Review review) {
    return review.comment().isBlank()
        ? "rejected by " + review.reviewer()
        : "rejected by " + review.reviewer() + ": " + review.comment();
  }

  /** One sentence for all the groups of one require rule: satisfied, or what is still needed. */
  static String requirements(Rule rule, List<Requirement> groups) {
    StringBuilder out = new StringBuilder("rule '").append(rule.name()).append("': ");
    boolean satisfied = groups.stream().allMatch(Requirement::satisfied);
    if (satisfied) {
      out.append("satisfied by ");
      for (int i = 0; i < groups.size(); i++) {
        Requirement r = groups.get(i);
        out.append(i == 0 ? "" : "; and by ").append(String.join(", ", r.approvedBy()))
            .append(" (").append(r.eligible()).append(')');
      }
      return out.toString();
    }
    out.append(rule.message());
    for (Requirement r : groups) {
      if (!r.satisfied()) {
        out.append("; needs ").append(r.missing()).append(" more")
            .append(r.missing() == 1 ? " approval" : " approvals").append(" from ").append(r.eligible());
        if (!r.approvedBy().isEmpty()) {
          out.append(" (counted so far: ").append(String.join(", ", r.approvedBy())).append(')');
        }
      } else {
        out.append("; has ").append(String.join(", ", r.approvedBy())).append(" for ").append(r.eligible());
      }
    }
    if (groups.size() > 1) {
      out.append(" (each person counts once across these groups)");
    }
    return out.toString();
  }

  static String who(Principal p) {
    if (p instanceof Human h) {
      String teams = h.teams().isEmpty() ? "no team" : "team " + String.join(", ", h.teams());
      return h.id() + ", " + h.level().wire() + " in " + teams;
    }
    return p.id() + ", " + (p.kind().startsWith("a") ? "an " : "a ") + p.kind();
  }

  static String needs(List<Requirement> requirements) {
    StringBuilder out = new StringBuilder();
    for (Requirement r : requirements) {
      if (!out.isEmpty()) {
        out.append(" and ");
      }
      out.append(r.approvals()).append(r.approvals() == 1 ? " approval" : " approvals")
          .append(" from ").append(r.eligible()).append(" (rule '").append(r.rule()).append("')");
    }
    return out.toString();
  }
}
