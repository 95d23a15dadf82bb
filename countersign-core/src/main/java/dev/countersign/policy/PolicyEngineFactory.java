package dev.countersign.policy;

import static java.util.Objects.requireNonNull;

/** Creates policy engines. */
public final class PolicyEngineFactory {
  private PolicyEngineFactory() {}

  /** An engine for {@code policy} with default settings. */
  public static PolicyEngine create(CompiledPolicy policy) {
    return create(policy, EngineConfig.defaults());
  }

  /** An engine for {@code policy} with {@code config}. */
  public static PolicyEngine create(CompiledPolicy policy, EngineConfig config) {
    return new PolicyEngineImpl(requireNonNull(policy, "policy"), requireNonNull(config, "config"));
  }
}
