package dev.countersign.server;

import dev.countersign.directory.Agent;
import dev.countersign.directory.Directory;
import dev.countersign.directory.Human;
import dev.countersign.directory.Level;
import dev.countersign.directory.Principal;
import dev.countersign.model.Analysis;
import dev.countersign.model.Change;
import dev.countersign.model.ChangeKind;
import dev.countersign.policy.DecisionInput;
import dev.countersign.policy.Review;
import dev.countersign.policy.ToolUse;
import dev.countersign.store.ChangeRecord;
import dev.countersign.store.ReviewRecord;
import dev.countersign.store.Tx;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Builds what policy decides on, a {@link DecisionInput}, for a change being proposed or one read
 * back from the store. Principals who have left the directory since are kept with the least
 * rights, so a stored change can always be decided again and fails closed.
 */
final class PolicyInputs {
  private final Supplier<PolicyRuntime> policy;

  PolicyInputs(Supplier<PolicyRuntime> policy) {
    this.policy = policy;
  }

  /** The input for {@code change} as {@code actor} makes it at {@code now}, with the freezes in force. */
  DecisionInput of(
      Directory dir, Change change, Analysis analysis, Human author, Principal actor, Instant now,
      Optional<ToolUse> tool) {
    Optional<Agent> agent = change.byAgent() ? dir.agent(change.agent()) : Optional.empty();
    if (change.byAgent() && agent.isEmpty()) {
      // The agent left the directory: decide with it as actor anyway; least privilege then denies.
      agent = Optional.of(new Agent(change.agent(), "", "", List.of()));
    }
    return new DecisionInput(change, analysis, author, agent, actor, now, policy.get().freezes(), tool);
  }

  /** The input for a stored change, with the author, actor and tool call it was recorded with. */
  DecisionInput ofStored(Tx tx, Directory dir, ChangeRecord rec, Analysis analysis, Instant now) {
    Human author = author(dir, rec);
    return of(dir, change(rec), analysis, author, actorOf(dir, rec, author), now, toolOf(tx, rec));
  }

  /** Stored reviews as policy counts them. */
  static List<Review> reviews(List<ReviewRecord> records) {
    return records.stream()
        .map(r -> new Review(r.reviewer(), r.verdict(), r.digest(), r.comment(), r.at()))
        .toList();
  }

  /** A stored change as policy sees it. */
  static Change change(ChangeRecord r) {
    ChangeKind kind = ChangeKind.fromWire(r.kind()).orElseThrow();
    return new Change(r.id(), kind, r.environment(), r.services(), r.author(), r.agent(), r.aiAssisted(), r.title(), r.digest());
  }

  private static Human author(Directory dir, ChangeRecord rec) {
    // An author who has left the directory still authored the change; keep them, least senior.
    return dir.human(rec.author())
        .orElse(new Human(rec.author(), rec.author(), Level.JUNIOR, List.of(), List.of()));
  }

  private static Principal actorOf(Directory dir, ChangeRecord rec, Human author) {
    if (!rec.agent().isEmpty()) {
      return dir.find(rec.agent()).orElse(new Agent(rec.agent(), "", "", List.of()));
    }
    return author;
  }

  /** The agent tool call a change was recorded for, as policy sees it. */
  private static Optional<ToolUse> toolOf(Tx tx, ChangeRecord rec) {
    if (rec.agent().isEmpty()) {
      return Optional.empty();
    }
    return tx.toolCalls().get(rec.id())
        .map(c -> new ToolUse(c.client(), c.tool(), c.permissionMode(), c.sessionId()));
  }
}
