package dev.countersign.server;

import dev.countersign.policy.Decision;
import dev.countersign.policy.Effect;
import dev.countersign.policy.Enforcement;

/**
 * Maps a decision to the state a change shows: {@code allowed} (policy let it pass without review),
 * {@code pending} (needs approvals), {@code approved} (its approvals are in), {@code rejected} (an
 * eligible reviewer said no) or {@code denied} (a deny rule matched).
 */
final class ChangeStates {
  static final String ALLOWED = "allowed";
  static final String PENDING = "pending";
  static final String APPROVED = "approved";
  static final String REJECTED = "rejected";
  static final String DENIED = "denied";

  private ChangeStates() {}

  /** The state a change is in after this decision. */
  static String of(Decision d) {
    return switch (d.outcome()) {
      case NEEDS_APPROVAL -> PENDING;
      case ALLOW -> d.requirements().isEmpty() ? ALLOWED : APPROVED;
      case DENY -> denyMatched(d) ? DENIED : REJECTED;
    };
  }

  private static boolean denyMatched(Decision d) {
    return d.matched().stream()
        .anyMatch(m -> m.effect() == Effect.DENY && m.enforcement() != Enforcement.ADVISORY);
  }

  /** Whether the state is one of the known words. */
  static boolean known(String state) {
    return switch (state) {
      case ALLOWED, PENDING, APPROVED, REJECTED, DENIED -> true;
      default -> false;
    };
  }
}
