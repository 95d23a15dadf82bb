package dev.countersign.policy;

import static java.util.Objects.requireNonNull;

/** A rule whose match held for a change, with its message. */
public record MatchedRule(String rule, Effect effect, Enforcement enforcement, String message) {
  public MatchedRule {
    requireNonNull(rule, "rule");
    requireNonNull(effect, "effect");
    requireNonNull(enforcement, "enforcement");
    requireNonNull(message, "message");
  }
}
