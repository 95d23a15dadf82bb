package dev.countersign.policy;

import static java.util.Objects.requireNonNull;

import dev.countersign.directory.Agent;
import dev.countersign.directory.Human;
import dev.countersign.directory.Principal;
import dev.countersign.model.Analysis;
import dev.countersign.model.Change;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Everything a decision looks at.
 *
 * @param change the change (its digest included)
 * @param analysis what it will do
 * @param author the accountable human
 * @param agent the agent that produced or runs it, when one did
 * @param actor who asked: the agent, a service identity, or the author
 * @param now the decision time (injected, never read from the system here)
 * @param freezes the freeze calendar
 * @param tool the agent tool call that asked, when an agent hook did
 */
public record DecisionInput(
    Change change,
    Analysis analysis,
    Human author,
    Optional<Agent> agent,
    Principal actor,
    Instant now,
    List<FreezeWindow> freezes,
    Optional<ToolUse> tool) {
  public DecisionInput {
    requireNonNull(change, "change");
    requireNonNull(analysis, "analysis");
    requireNonNull(author, "author");
    requireNonNull(agent, "agent");
    requireNonNull(actor, "actor");
    requireNonNull(now, "now");
    freezes = List.copyOf(freezes);
    requireNonNull(tool, "tool");
  }

  /** An input that no agent hook asked for (a proposal through the API, the CLI, a policy test). */
  public DecisionInput(
      Change change,
      Analysis analysis,
      Human author,
      Optional<Agent> agent,
      Principal actor,
      Instant now,
      List<FreezeWindow> freezes) {
    this(change, analysis, author, agent, actor, now, freezes, Optional.empty());
  }
}
