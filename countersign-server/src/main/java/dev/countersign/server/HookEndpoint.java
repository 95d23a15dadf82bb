package dev.countersign.server;

import dev.countersign.policy.PolicyException;
import dev.countersign.server.agent.AgentAnswer;
import dev.countersign.server.agent.Explanations;
import dev.countersign.server.agent.Narrowing;
import dev.countersign.server.agent.ToolCall;
import dev.countersign.server.hook.ClaudeCodeHook;
import dev.countersign.server.hook.CopilotHook;
import dev.countersign.server.hook.CursorHook;
import dev.countersign.server.hook.GeminiCliHook;
import dev.countersign.server.hook.HookFormat;
import dev.countersign.server.hook.HookPayloadException;
import dev.countersign.store.AuthenticatedToken;
import dev.countersign.store.StoreException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code POST /v1/hooks/{claude-code|codex|cursor|gemini|copilot}}: reads the hook request in that
 * agent's format, asks the {@link AgentGate}, and answers in the agent's own format. Every failure after authentication is a deny with a reason, never
 * an error status (fail closed, explain always).
 */
final class HookEndpoint {
  private static final Logger LOG = Logger.getLogger(HookEndpoint.class.getName());

  /** Claude Code's route segment: {@code /v1/hooks/claude-code}. */
  static final String CLAUDE_CODE = "claude-code";

  private final AgentGate gate;
  private final Map<String, HookFormat> formats;

  HookEndpoint(AgentGate gate, JsonCodec json) {
    this.gate = gate;
    ClaudeCodeHook claude = new ClaudeCodeHook(json.mapper());
    Map<String, HookFormat> f = new LinkedHashMap<>();
    f.put(CLAUDE_CODE, claude);
    f.put("codex", claude); // Codex sends Claude Code's hook format (AGENT-PROTOCOLS.md §2.3)
    f.put("cursor", new CursorHook(json.mapper()));
    f.put("gemini", new GeminiCliHook(json.mapper()));
    f.put("copilot", new CopilotHook(json.mapper()));
    this.formats = Collections.unmodifiableMap(f);
  }

  /** The agents answered, each at {@code POST /v1/hooks/AGENT}. */
  Set<String> agents() {
    return formats.keySet();
  }

  /** The answer body for an authenticated Claude Code (or Codex) hook request. */
  byte[] answer(AuthenticatedToken token, Supplier<byte[]> body, Narrowing narrowing) {
    return answer(CLAUDE_CODE, token, body, List.of(narrowing));
  }

  /** The answer body, in {@code agent}'s format, for an authenticated hook request of that agent. */
  byte[] answer(String agent, AuthenticatedToken token, Supplier<byte[]> body, List<Narrowing> narrowing) {
    HookFormat format = format(agent);
    byte[] bytes = new byte[0];
    try {
      bytes = body.get();
      ToolCall call = format.parse(bytes);
      return format.render(bytes, gate.decide(token, call, narrowing));
    } catch (ApiException | HookPayloadException e) {
      return format.render(bytes, unreadable(token, e.getMessage()));
    } catch (StoreException e) {
      LOG.log(Level.WARNING, "hook: store error", e);
      return format.render(bytes, AgentAnswer.deny(Explanations.refused(
          "because Countersign's database could not complete the decision (" + e.reason().name().toLowerCase(java.util.Locale.ROOT)
              + "); nothing ran, retry when it is back")));
    } catch (PolicyException e) {
      LOG.log(Level.WARNING, "hook: policy error", e);
      return format.render(bytes, AgentAnswer.deny(Explanations.refused(
          "because the policy could not be evaluated: " + e.getMessage())));
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "hook: unexpected error", e);
      return format.render(bytes, AgentAnswer.deny(Explanations.refused(
          "because of an internal error in Countersign; nothing ran (see the server log)")));
    }
  }

  /** The answer when authentication itself failed for a reason other than a bad token. */
  byte[] unavailable() {
    return unavailable(CLAUDE_CODE);
  }

  /** The answer, in {@code agent}'s format, when authentication failed for a reason other than a bad token. */
  byte[] unavailable(String agent) {
    return format(agent).render(new byte[0], AgentAnswer.deny(Explanations.refused(
        "because Countersign could not check the hook's token (its database is unavailable); nothing ran")));
  }

  private HookFormat format(String agent) {
    HookFormat f = formats.get(agent);
    if (f == null) {
      throw new IllegalArgumentException("no hook format for agent '" + agent + "'");
    }
    return f;
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
