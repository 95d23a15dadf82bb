package dev.countersign.server;

import dev.countersign.policy.PolicyException;
import dev.countersign.server.agent.AgentAnswer;
import dev.countersign.server.agent.Explanations;
import dev.countersign.server.agent.Narrowing;
import dev.countersign.server.agent.ToolCall;
import dev.countersign.server.hook.ClaudeCodeHook;
import dev.countersign.server.hook.HookPayloadException;
import dev.countersign.store.AuthenticatedToken;
import dev.countersign.store.StoreException;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code POST /v1/hooks/claude-code}: reads the hook request, asks the {@link AgentGate}, and
 * answers in Claude Code's format. Every failure after authentication is a deny with a reason, never
 * an error status (fail closed, explain always).
 */
final class HookEndpoint {
  private static final Logger LOG = Logger.getLogger(HookEndpoint.class.getName());

  private final AgentGate gate;
  private final ClaudeCodeHook claude;

  HookEndpoint(AgentGate gate, JsonCodec json) {
    this.gate = gate;
    this.claude = new ClaudeCodeHook(json.mapper());
  }

  /** The answer body for an authenticated hook request. */
  byte[] answer(AuthenticatedToken token, Supplier<byte[]> body, Narrowing narrowing) {
    String event = ClaudeCodeHook.PRE_TOOL_USE;
    try {
      byte[] bytes = body.get();
      event = claude.eventOf(bytes);
      ToolCall call = claude.parse(bytes);
      return claude.render(event, gate.decide(token, call, narrowing));
    } catch (ApiException | HookPayloadException e) {
      return claude.render(event, unreadable(token, e.getMessage()));
    } catch (StoreException e) {
      LOG.log(Level.WARNING, "hook: store error", e);
      return claude.render(event, AgentAnswer.deny(Explanations.refused(
          "because Countersign's database could not complete the decision (" + e.reason().name().toLowerCase(java.util.Locale.ROOT)
              + "); nothing ran, retry when it is back")));
    } catch (PolicyException e) {
      LOG.log(Level.WARNING, "hook: policy error", e);
      return claude.render(event, AgentAnswer.deny(Explanations.refused(
          "because the policy could not be evaluated: " + e.getMessage())));
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "hook: unexpected error", e);
      return claude.render(event, AgentAnswer.deny(Explanations.refused(
          "because of an internal error in Countersign; nothing ran (see the server log)")));
    }
  }

  /** The answer when authentication itself failed for a reason other than a bad token. */
  byte[] unavailable() {
    return claude.render(ClaudeCodeHook.PRE_TOOL_USE, AgentAnswer.deny(Explanations.refused(
        "because Countersign could not check the hook's token (its database is unavailable); nothing ran")));
  }

  private AgentAnswer unreadable(AuthenticatedToken token, String why) {
    try {
      return gate.refuseUnreadable(token, why);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "hook: could not audit a refusal", e);
      return AgentAnswer.deny(Explanations.refused(why));
    }
  }
}
