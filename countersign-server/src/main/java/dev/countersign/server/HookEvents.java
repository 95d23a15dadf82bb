package dev.countersign.server;

import static java.util.Objects.requireNonNull;

import dev.countersign.policy.Decision;
import dev.countersign.server.agent.AgentAnswer;
import dev.countersign.server.agent.Explanations;
import dev.countersign.server.agent.ToolCall;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The audit events of hook decisions ({@value #TYPE}): one per answer, with the agent, its sponsor,
 * the client's session, the tool, the input digest, the permission mode and the rule that decided.
 */
final class HookEvents {
  /** The audit event type of every answer a hook gets. */
  static final String TYPE = "hook.decided";

  private HookEvents() {}

  /** What a hook call is about, as far as it was resolved before the answer. */
  record Subject(
      String agent,
      String sponsor,
      ToolCall call,
      String inputDigest,
      String digest,
      String environment,
      List<String> services) {
    Subject {
      requireNonNull(agent, "agent");
      requireNonNull(sponsor, "sponsor");
      requireNonNull(call, "call");
      requireNonNull(inputDigest, "inputDigest");
      requireNonNull(digest, "digest");
      requireNonNull(environment, "environment");
      services = List.copyOf(services);
    }

    /** A call refused before its target or actions were known. */
    static Subject unresolved(String principal, ToolCall call) {
      return new Subject(principal, "", call, "", "", "", List.of());
    }
  }

  /** The payload of an answer that policy gave. */
  static Map<String, Object> decided(Subject s, String changeId, Decision d, AgentAnswer answer) {
    Map<String, Object> m = base(s, answer);
    m.put("decision", d.outcome().wire());
    m.put("rules", Explanations.decidingRules(d));
    m.put("change", changeId);
    m.put("policyDigest", d.policyDigest());
    return m;
  }

  /** The payload of an answer given before policy ran (bad input, unusable token, error). */
  static Map<String, Object> refused(Subject s, AgentAnswer answer) {
    Map<String, Object> m = base(s, answer);
    m.put("decision", "refused");
    m.put("rules", List.of());
    m.put("change", "");
    return m;
  }

  private static Map<String, Object> base(Subject s, AgentAnswer answer) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("answer", answer.allowed() ? "allow" : "deny");
    m.put("reason", answer.reason());
    m.put("agent", s.agent());
    m.put("sponsor", s.sponsor());
    m.put("client", s.call().client());
    m.put("event", s.call().event());
    m.put("session", s.call().sessionId());
    m.put("tool", s.call().toolName());
    m.put("permissionMode", s.call().permissionMode());
    m.put("inputDigest", s.inputDigest());
    m.put("digest", s.digest());
    m.put("environment", s.environment());
    m.put("services", s.services());
    return m;
  }
}
