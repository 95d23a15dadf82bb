package dev.countersign.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class GroupMatcherTest {

  @Test
  void eachApprover_isCountedOnceAcrossGroups() {
    // approvers: 0 = senior, 1 = staff. Group 0 wants 2 seniors+, group 1 wants 1 staff+.
    boolean[][] eligible = {{true, true}, {false, true}};

    List<List<Integer>> assigned = GroupMatcher.assign(new int[] {2, 1}, eligible);

    assertThat(assigned.get(0).size() + assigned.get(1).size()).isEqualTo(2);
    List<Integer> all = new java.util.ArrayList<>(assigned.get(0));
    all.addAll(assigned.get(1));
    assertThat(all).doesNotHaveDuplicates();
  }

  @Test
  void augmentingPaths_reassignEarlierChoices() {
    // approver 0 fits both groups, approver 1 only group 0; group 0's slot is filled first.
    boolean[][] eligible = {{true, true}, {true, false}};

    List<List<Integer>> assigned = GroupMatcher.assign(new int[] {1, 1}, eligible);

    assertThat(assigned.get(0)).containsExactly(1);
    assertThat(assigned.get(1)).containsExactly(0);
  }

  @Test
  void noApprovers_fillsNothing() {
    assertThat(GroupMatcher.assign(new int[] {2}, new boolean[][] {{}})).containsExactly(List.of());
  }
}
