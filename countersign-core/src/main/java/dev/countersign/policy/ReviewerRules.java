package dev.countersign.policy;

import dev.countersign.directory.Agent;
import dev.countersign.directory.Human;
import dev.countersign.directory.Principal;
import java.util.Optional;

/** The rules about who may review that hold whatever the policy says (DESIGN §2, Approval). */
final class ReviewerRules {
  private ReviewerRules() {}

  /** Why {@code reviewer} may never review this change, whatever the policy; empty when they may. */
  static Optional<String> refusal(DecisionInput input, Principal reviewer) {
    if (!(reviewer instanceof Human)) {
      return Optional.of("agents and services never approve: " + reviewer.id() + " is " + article(reviewer.kind()));
    }
    if (reviewer.id().equals(input.author().id())) {
      return Optional.of("authors cannot review their own change: " + reviewer.id() + " is its author");
    }
    Optional<String> sponsor = input.agent().map(Agent::sponsor);
    if (sponsor.isPresent() && sponsor.get().equals(reviewer.id())) {
      return Optional.of(
          "a sponsor cannot review a change their own agent produced: "
              + reviewer.id() + " sponsors agent " + input.agent().get().id());
    }
    return Optional.empty();
  }

  private static String article(String kind) {
    return (kind.startsWith("a") ? "an " : "a ") + kind;
  }
}
