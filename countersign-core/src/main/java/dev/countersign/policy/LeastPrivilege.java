package dev.countersign.policy;

import dev.countersign.directory.Agent;
import dev.countersign.directory.Directory;
import dev.countersign.directory.EffectiveRights;
import dev.countersign.directory.Rights;
import dev.countersign.model.Change;
import java.util.List;
import java.util.Optional;

/**
 * The built-in rule {@code agent-least-privilege}: every action of an agent's change must be within
 * the agent's effective grants (its grants ∩ its sponsor's rights, see {@link Rights}). Fails closed:
 * an unknown agent, or one whose sponsor is unknown, may do nothing.
 */
final class LeastPrivilege {
  private LeastPrivilege() {}

  /** Each violation in words; empty when the change has no agent or stays within its grants. */
  static List<String> violations(DecisionInput input, Directory directory) {
    Change change = input.change();
    if (!change.byAgent() && input.agent().isEmpty()) {
      return List.of();
    }
    String id = change.byAgent() ? change.agent() : input.agent().get().id();
    if (input.agent().isPresent() && !input.agent().get().id().equals(id)) {
      return List.of("the change names agent " + id + " but was decided for agent "
          + input.agent().get().id() + " (fail closed)");
    }
    Optional<Agent> agent = directory.agent(id);
    if (agent.isEmpty()) {
      return List.of("agent " + id + " is not an agent in the directory, so it may do nothing (fail closed)");
    }
    EffectiveRights rights = Rights.effective(agent.get(), directory);
    if (rights instanceof EffectiveRights.Refused refused) {
      return List.of("agent " + id + " may do nothing: " + refused.reason() + " (fail closed)");
    }
    return Rights.violations(
        agent.get(), directory, change.environment(), change.services(), input.analysis().actions(), input.now());
  }
}
