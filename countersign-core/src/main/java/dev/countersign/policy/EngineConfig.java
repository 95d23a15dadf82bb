package dev.countersign.policy;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * Engine settings that are not policy.
 *
 * @param approvalLifetime how long an approval counts after it is given (default 24 h)
 */
public record EngineConfig(Duration approvalLifetime) {

  /** The default approval lifetime. */
  public static final Duration DEFAULT_APPROVAL_LIFETIME = Duration.ofHours(24);

  public EngineConfig {
    requireNonNull(approvalLifetime, "approvalLifetime");
    if (approvalLifetime.isNegative() || approvalLifetime.isZero()) {
      throw new IllegalArgumentException("approvalLifetime must be positive");
    }
  }

  /** The defaults: approvals last 24 hours. */
  public static EngineConfig defaults() {
    return new EngineConfig(DEFAULT_APPROVAL_LIFETIME);
  }

  /** These settings with another approval lifetime. */
  public EngineConfig withApprovalLifetime(Duration lifetime) {
    return new EngineConfig(lifetime);
  }
}
