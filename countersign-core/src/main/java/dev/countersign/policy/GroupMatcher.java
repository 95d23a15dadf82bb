package dev.countersign.policy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Counts distinct approvers across the groups of one rule: a maximum bipartite matching between
 * approvers and group slots (a group asking for N approvals has N slots), so that "2 seniors and 1
 * staff" needs three different people even though a staff engineer is also a senior.
 */
final class GroupMatcher {
  private final boolean[][] eligible;
  private final int[] slotGroup;
  private final int[] slotApprover;
  private final int[] approverSlot;

  private GroupMatcher(int[] capacities, boolean[][] eligible) {
    this.eligible = eligible;
    int slots = Arrays.stream(capacities).sum();
    this.slotGroup = new int[slots];
    int s = 0;
    for (int g = 0; g < capacities.length; g++) {
      for (int i = 0; i < capacities[g]; i++) {
        slotGroup[s++] = g;
      }
    }
    this.slotApprover = new int[slots];
    Arrays.fill(slotApprover, -1);
    this.approverSlot = new int[eligible.length == 0 ? 0 : eligible[0].length];
    Arrays.fill(approverSlot, -1);
  }

  /**
   * Assigns approvers to groups; {@code eligible[g][a]} says whether approver {@code a} may count
   * for group {@code g}. Returns, per group, the indices of the approvers counted for it.
   */
  static List<List<Integer>> assign(int[] capacities, boolean[][] eligible) {
    GroupMatcher m = new GroupMatcher(capacities, eligible);
    for (int s = 0; s < m.slotGroup.length; s++) {
      m.augment(s, new boolean[m.approverSlot.length]);
    }
    List<List<Integer>> out = new ArrayList<>(capacities.length);
    for (int g = 0; g < capacities.length; g++) {
      out.add(new ArrayList<>());
    }
    for (int s = 0; s < m.slotGroup.length; s++) {
      if (m.slotApprover[s] >= 0) {
        out.get(m.slotGroup[s]).add(m.slotApprover[s]);
      }
    }
    return out;
  }

  private boolean augment(int slot, boolean[] visited) {
    boolean[] row = eligible[slotGroup[slot]];
    for (int a = 0; a < row.length; a++) {
      if (row[a] && !visited[a]) {
        visited[a] = true;
        if (approverSlot[a] < 0 || augment(approverSlot[a], visited)) {
          approverSlot[a] = slot;
          slotApprover[slot] = a;
          return true;
        }
      }
    }
    return false;
  }
}
