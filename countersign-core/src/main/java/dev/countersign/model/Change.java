package dev.countersign.model;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A proposal to alter a target, as the decision core sees it.
 *
 * @param id the change id, or empty before it is stored
 * @param kind the format of the content
 * @param environment the target environment, e.g. {@code production}
 * @param services the services the proposer declares it touches
 * @param author the human accountable (an agent's sponsor when an agent proposes)
 * @param agent the agent that produced or runs it, or empty
 * @param aiAssisted whether an AI produced it; always true when {@code agent} is set
 * @param title a short human title
 * @param digest the semantic digest of what will happen
 */
public record Change(
    String id,
    ChangeKind kind,
    String environment,
    List<String> services,
    String author,
    String agent,
    boolean aiAssisted,
    String title,
    String digest) {

  public Change {
    requireNonNull(id, "id");
    requireNonNull(kind, "kind");
    requireNonNull(environment, "environment");
    services = List.copyOf(services);
    requireNonNull(author, "author");
    requireNonNull(agent, "agent");
    requireNonNull(title, "title");
    requireNonNull(digest, "digest");
    aiAssisted = aiAssisted || !agent.isEmpty();
  }

  /** Whether an agent produced or runs this change. */
  public boolean byAgent() {
    return !agent.isEmpty();
  }
}
