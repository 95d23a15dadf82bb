package dev.countersign.server.hook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.countersign.server.agent.AgentAnswer;
import dev.countersign.server.agent.ToolCall;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Claude Code's hook format (AGENT-PROTOCOLS.md §1.4–§1.9), which Codex also sends: the request is
 * the hook JSON ({@code hook_event_name}, {@code tool_name}, {@code tool_input}, {@code
 * session_id}, {@code cwd}, {@code permission_mode}, …); the answer is {@code hookSpecificOutput}
 * with {@code permissionDecision} for PreToolUse, and with {@code decision.behavior} for
 * PermissionRequest.
 *
 * <p>Unknown fields are ignored (the client adds fields between releases); missing or mistyped
 * fields that the decision needs are a {@link HookPayloadException}.
 */
public final class ClaudeCodeHook implements HookFormat {
  /** The PreToolUse event: decide before a tool runs. */
  public static final String PRE_TOOL_USE = "PreToolUse";
  /** The PermissionRequest event: answer the permission prompt. */
  public static final String PERMISSION_REQUEST = "PermissionRequest";

  private static final Set<String> EVENTS = Set.of(PRE_TOOL_USE, PERMISSION_REQUEST);
  private static final int MAX_FIELD = 1000;

  private final ObjectMapper mapper;

  /** A reader and writer using {@code mapper} (which should bound nesting depth and sizes). */
  public ClaudeCodeHook(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /** The tool call in a hook request; a {@link HookPayloadException} naming what is wrong otherwise. */
  @Override
  public ToolCall parse(byte[] body) {
    ObjectNode root = object(body);
    String event = field(root, "hook_event_name", true);
    if (!EVENTS.contains(event)) {
      throw new HookPayloadException(
          "the hook request is for event '" + abbreviate(event) + "', but Countersign answers only PreToolUse and PermissionRequest");
    }
    String tool = field(root, "tool_name", true);
    JsonNode input = root.get("tool_input");
    if (!(input instanceof ObjectNode inputObject)) {
      throw new HookPayloadException("the hook request has no tool_input object");
    }
    String client = root.has("turn_id") ? "codex" : "claude-code";
    return new ToolCall(
        client, event, field(root, "session_id", false), field(root, "cwd", false),
        field(root, "permission_mode", false), tool, inputObject);
  }

  /** The event a request names, if it names a supported one; for shaping an answer to a bad request. */
  public String eventOf(byte[] body) {
    try {
      JsonNode n = mapper.readTree(body);
      String event = n == null ? "" : n.path("hook_event_name").asText("");
      return EVENTS.contains(event) ? event : PRE_TOOL_USE;
    } catch (IOException | RuntimeException e) {
      return PRE_TOOL_USE;
    }
  }

  /** The answer in the output format of the event {@code body} names (PreToolUse when it names none). */
  @Override
  public byte[] render(byte[] body, AgentAnswer answer) {
    return render(eventOf(body), answer);
  }

  /** The answer in the output format of {@code event}. */
  public byte[] render(String event, AgentAnswer answer) {
    Map<String, Object> specific = new LinkedHashMap<>();
    if (event.equals(PERMISSION_REQUEST)) {
      specific.put("hookEventName", PERMISSION_REQUEST);
      Map<String, Object> decision = new LinkedHashMap<>();
      decision.put("behavior", answer.allowed() ? "allow" : "deny");
      if (!answer.allowed()) {
        decision.put("message", answer.reason());
      }
      specific.put("decision", decision);
    } else {
      specific.put("hookEventName", PRE_TOOL_USE);
      specific.put("permissionDecision", answer.allowed() ? "allow" : "deny");
      specific.put("permissionDecisionReason", answer.reason());
    }
    try {
      return mapper.writeValueAsBytes(Map.of("hookSpecificOutput", specific));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot render a hook answer", e);
    }
  }

  private ObjectNode object(byte[] body) {
    if (body.length == 0) {
      throw new HookPayloadException("the hook request has no body; expected the hook JSON");
    }
    try {
      StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(body));
    } catch (CharacterCodingException e) {
      throw new HookPayloadException("the hook request is not valid UTF-8");
    }
    try {
      JsonNode n = mapper.readTree(body);
      if (n instanceof ObjectNode o) {
        return o;
      }
      throw new HookPayloadException("the hook request is not a JSON object");
    } catch (JsonProcessingException e) {
      throw new HookPayloadException("the hook request is not valid JSON (" + e.getOriginalMessage() + ")");
    } catch (IOException e) {
      throw new HookPayloadException("the hook request could not be read");
    }
  }

  private static String field(ObjectNode root, String name, boolean required) {
    JsonNode n = root.get(name);
    if (n == null || n.isNull()) {
      if (required) {
        throw new HookPayloadException("the hook request has no '" + name + "'");
      }
      return "";
    }
    if (!n.isTextual() || n.textValue().length() > MAX_FIELD || (required && n.textValue().isBlank())) {
      throw new HookPayloadException("the hook request's '" + name + "' is not a short text");
    }
    return n.textValue();
  }

  private static String abbreviate(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "…" : s;
  }
}
