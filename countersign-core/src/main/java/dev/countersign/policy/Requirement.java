package dev.countersign.policy;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One group of approvals a matched {@code require} rule asks for, and how far along it is.
 *
 * @param rule the rule's name
 * @param approvals how many distinct eligible approvals the group needs
 * @param eligible who may approve, in words (the rule's eligibility description)
 * @param approvedBy reviewers whose valid approvals were counted toward this group
 */
public record Requirement(String rule, int approvals, String eligible, List<String> approvedBy) {
  public Requirement {
    requireNonNull(rule, "rule");
    requireNonNull(eligible, "eligible");
    approvedBy = List.copyOf(approvedBy);
  }

  /** Whether enough approvals were counted. */
  public boolean satisfied() {
    return approvedBy.size() >= approvals;
  }

  /** How many approvals are still missing. */
  public int missing() {
    return Math.max(0, approvals - approvedBy.size());
  }
}
