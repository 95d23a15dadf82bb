package dev.countersign.policy;

import static java.util.Objects.requireNonNull;

/**
 * One group of approvals a {@code require} rule asks for: how many, who is eligible (a CEL
 * expression over {@code approver}), and who that is in words.
 */
public record ApprovalGroup(int approvals, RuleExpression eligible, String description) {
  public ApprovalGroup {
    requireNonNull(eligible, "eligible");
    requireNonNull(description, "description");
    if (approvals < 1) {
      throw new IllegalArgumentException("a group needs at least one approval, not " + approvals);
    }
  }
}
