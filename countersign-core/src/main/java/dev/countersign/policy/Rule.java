package dev.countersign.policy;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.regex.Pattern;

/**
 * One policy rule as written: when it applies ({@code match}, CEL), what it does, how binding it is,
 * and for {@code require} the approval groups it asks for.
 *
 * @param name unique, kebab-case
 * @param description why the rule exists, in words
 * @param match a CEL expression over the decision inputs that must yield a bool
 * @param effect allow, deny or require
 * @param enforcement advisory, soft or hard
 * @param message what a user is told when the rule matches
 * @param requires the approval groups of a {@code require} rule; empty for other effects
 * @param position where the rule starts in its file
 */
public record Rule(
    String name,
    String description,
    RuleExpression match,
    Effect effect,
    Enforcement enforcement,
    String message,
    List<ApprovalGroup> requires,
    SourcePosition position) {

  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,99}");

  /** The name of the built-in rule that keeps agents within their grants. */
  public static final String AGENT_LEAST_PRIVILEGE = "agent-least-privilege";

  public Rule {
    requireNonNull(name, "name");
    requireNonNull(description, "description");
    requireNonNull(match, "match");
    requireNonNull(effect, "effect");
    requireNonNull(enforcement, "enforcement");
    requireNonNull(message, "message");
    requires = List.copyOf(requires);
    requireNonNull(position, "position");
    if (!NAME.matcher(name).matches()) {
      throw new PolicyException(
          position + ": rule name '" + name + "' must be kebab-case: a-z, 0-9 and '-'");
    }
    if (name.equals(AGENT_LEAST_PRIVILEGE)) {
      throw new PolicyException(position + ": rule name '" + name + "' is reserved for the built-in rule");
    }
    if (effect == Effect.REQUIRE && requires.isEmpty()) {
      throw new PolicyException(
          position + ": rule '" + name + "' has effect require but no 'requires' approval groups");
    }
    if (effect != Effect.REQUIRE && !requires.isEmpty()) {
      throw new PolicyException(
          position + ": rule '" + name + "' has 'requires' but its effect is " + effect.wire());
    }
  }

  /** Whether the rule changes outcomes (anything but advisory). */
  public boolean enforcing() {
    return enforcement != Enforcement.ADVISORY;
  }
}
