package dev.countersign.policy;

import dev.countersign.directory.Human;
import java.util.ArrayList;
import java.util.List;

/**
 * Counts the valid approvals toward the groups of the matched require rules. Within one rule an
 * approver counts once across its groups; different rules may count the same approver.
 */
final class Approvals {
  private Approvals() {}

  /** The requirements of {@code rule} given the approvers whose approvals count. */
  static List<Requirement> count(Evaluation eval, CompiledRule rule, List<Human> approvers) {
    List<ApprovalGroup> groups = rule.rule().requires();
    int[] capacities = new int[groups.size()];
    boolean[][] eligible = new boolean[groups.size()][approvers.size()];
    for (int g = 0; g < groups.size(); g++) {
      capacities[g] = groups.get(g).approvals();
      for (int a = 0; a < approvers.size(); a++) {
        eligible[g][a] = eval.eligible(rule, g, approvers.get(a));
      }
    }
    List<List<Integer>> assigned =
        approvers.isEmpty() ? emptyAssignment(groups.size()) : GroupMatcher.assign(capacities, eligible);
    List<Requirement> out = new ArrayList<>(groups.size());
    for (int g = 0; g < groups.size(); g++) {
      List<String> by = new ArrayList<>();
      for (int a : assigned.get(g)) {
        by.add(approvers.get(a).id());
      }
      ApprovalGroup group = groups.get(g);
      out.add(new Requirement(rule.rule().name(), group.approvals(), group.description(), by));
    }
    return out;
  }

  /** Whether {@code who} is eligible for at least one group of any of {@code rules}. */
  static boolean eligibleForAny(Evaluation eval, List<CompiledRule> rules, Human who) {
    for (CompiledRule rule : rules) {
      for (int g = 0; g < rule.eligible().size(); g++) {
        if (eval.eligible(rule, g, who)) {
          return true;
        }
      }
    }
    return false;
  }

  private static List<List<Integer>> emptyAssignment(int groups) {
    List<List<Integer>> out = new ArrayList<>(groups);
    for (int g = 0; g < groups; g++) {
      out.add(List.of());
    }
    return out;
  }
}
