package dev.countersign.policy;

import static java.util.Objects.requireNonNull;

import dev.cel.runtime.CelRuntime;
import java.util.List;

/** A rule with its match and eligible expressions compiled to CEL programs (same order as groups). */
record CompiledRule(Rule rule, CelRuntime.Program match, List<CelRuntime.Program> eligible) {
  CompiledRule {
    requireNonNull(rule, "rule");
    requireNonNull(match, "match");
    eligible = List.copyOf(eligible);
  }
}
