package dev.countersign.server;

import dev.countersign.digest.ChangeDigest;
import dev.countersign.directory.Agent;
import dev.countersign.directory.Directory;
import dev.countersign.directory.Human;
import dev.countersign.directory.Principal;
import dev.countersign.policy.ToolUse;
import dev.countersign.server.ChangeService.Proposed;
import dev.countersign.server.agent.Narrowing;
import dev.countersign.server.agent.ToolAction;
import dev.countersign.server.agent.ToolCall;
import dev.countersign.server.agent.ToolMapper;
import dev.countersign.store.AuthenticatedToken;
import dev.countersign.store.ToolCallRecord;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One agent tool call once resolved: the agent and its sponsor, the target from the token, what the
 * call would do and its digest.
 */
record AgentCall(
    Directory dir, Agent agent, Human sponsor, AgentTarget target, ToolCall call, ToolAction action, String digest) {

  /** Resolves a call; an {@link AgentTarget.Refusal} when the caller or target cannot be used. */
  static AgentCall resolve(
      Directory dir, AuthenticatedToken token, ToolCall call, List<Narrowing> narrowing, ToolMapper mapper) {
    Agent agent = agent(dir, token.principalId());
    Human sponsor = sponsor(dir, agent);
    AgentTarget target = AgentTarget.of(token, agent.id(), narrowing);
    ToolAction action = mapper.map(call);
    String digest = ChangeDigest.of(
        action.analysis().kind(), target.environment(), target.services(), action.analysis().actions());
    return new AgentCall(dir, agent, sponsor, target, call, action, digest);
  }

  /** The call as policy sees it ({@code tool}). */
  ToolUse tool() {
    return new ToolUse(call.client(), call.toolName(), call.permissionMode(), call.sessionId());
  }

  /** The call as a change to decide or store. */
  Proposed proposed() {
    return new Proposed(target.environment(), target.services(), true, action.title(), action.content(),
        action.analysis(), digest);
  }

  /** What the audit event says the call is about. */
  HookEvents.Subject subject() {
    return new HookEvents.Subject(agent.id(), sponsor.id(), call, action.inputDigest(), digest,
        target.environment(), target.services());
  }

  /** The row that records the call as the pending change {@code changeId}. */
  ToolCallRecord toolCallRecord(String changeId, Instant now) {
    return new ToolCallRecord(changeId, agent.id(), action.inputDigest(), call.client(), call.sessionId(),
        call.toolName(), call.permissionMode(), now, Optional.empty());
  }

  private static Agent agent(Directory dir, String principalId) {
    Principal p = dir.find(principalId)
        .orElseThrow(() -> new AgentTarget.Refusal(
            "the token's principal '" + principalId + "' is not in the directory any more"));
    if (p instanceof Agent a) {
      return a;
    }
    throw new AgentTarget.Refusal(
        "hook calls must be made with an agent's token, and '" + p.id() + "' is a " + p.kind()
            + "; register the coding agent as an agent with a sponsor and grants, and give it a scoped token");
  }

  private static Human sponsor(Directory dir, Agent agent) {
    return dir.human(agent.sponsor())
        .orElseThrow(() -> new AgentTarget.Refusal(
            "agent '" + agent.id() + "' has no sponsor in the directory ('" + agent.sponsor() + "'), so it may do nothing"));
  }
}
