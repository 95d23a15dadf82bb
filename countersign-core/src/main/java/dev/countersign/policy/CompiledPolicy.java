package dev.countersign.policy;

import java.util.List;

/**
 * A policy set whose expressions all compiled and type-checked; the only thing an engine runs.
 *
 * <p>Obtain one from {@link PolicyCompiler#compile}; it cannot be built from outside this package,
 * so holding one proves that the set compiled.
 */
public final class CompiledPolicy {
  private final PolicySet policySet;
  private final List<CompiledRule> rules;

  CompiledPolicy(PolicySet policySet, List<CompiledRule> rules) {
    this.policySet = policySet;
    this.rules = List.copyOf(rules);
  }

  /** The source rules this was compiled from. */
  public PolicySet policySet() {
    return policySet;
  }

  /** The policy digest, recorded on every decision. */
  public String digest() {
    return policySet.digest();
  }

  List<CompiledRule> compiledRules() {
    return rules;
  }
}
