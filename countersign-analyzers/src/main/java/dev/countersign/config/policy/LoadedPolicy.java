package dev.countersign.config.policy;

import static java.util.Objects.requireNonNull;

import dev.countersign.policy.CompiledPolicy;
import dev.countersign.policy.EngineConfig;
import dev.countersign.policy.FreezeWindow;
import dev.countersign.policy.PolicyEngine;
import dev.countersign.policy.PolicyEngineFactory;
import java.util.List;

/**
 * A policy directory that loaded and compiled: the compiled rules, the freeze calendar, and the
 * files they came from.
 */
public record LoadedPolicy(CompiledPolicy policy, List<FreezeWindow> freezes, List<String> files) {
  public LoadedPolicy {
    requireNonNull(policy, "policy");
    freezes = List.copyOf(freezes);
    files = List.copyOf(files);
  }

  /** The policy digest. */
  public String digest() {
    return policy.digest();
  }

  /** An engine for this policy with {@code config}. */
  public PolicyEngine engine(EngineConfig config) {
    return PolicyEngineFactory.create(policy, config);
  }
}
