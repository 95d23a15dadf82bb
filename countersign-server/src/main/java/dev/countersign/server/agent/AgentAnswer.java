package dev.countersign.server.agent;

import static java.util.Objects.requireNonNull;

/**
 * What Countersign answers an agent's hook: allow or deny, with one sentence an engineer
 * understands. Adapters render it in their client's format.
 *
 * @param allowed whether the tool call may run
 * @param reason why, naming the rule that decided (and, for a call that waits for approval, the
 *     change id and how to approve it)
 */
public record AgentAnswer(boolean allowed, String reason) {
  public AgentAnswer {
    requireNonNull(reason, "reason");
  }

  /** The call may run. */
  public static AgentAnswer allow(String reason) {
    return new AgentAnswer(true, reason);
  }

  /** The call must not run. */
  public static AgentAnswer deny(String reason) {
    return new AgentAnswer(false, reason);
  }
}
