package dev.countersign.server.hook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.countersign.server.agent.AgentAnswer;
import dev.countersign.server.agent.ToolCall;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Gemini CLI's {@code BeforeTool} hook (AGENT-PROTOCOLS.md §3): the request has {@code
 * hook_event_name}, {@code session_id}, {@code cwd}, {@code tool_name}, {@code tool_input} (and
 * {@code timestamp}, {@code mcp_context}, …); the answer is {@code {"decision":"deny","reason":…}}
 * to block, the reason going to the agent, and {@code {"decision":"allow",…}} otherwise.
 *
 * <p>Gemini's shell tool {@code run_shell_command} is decided as the shell tool ({@code Bash}) on
 * its {@code command}; MCP tools use the same {@code mcp__server__tool} naming as Claude Code and
 * keep their names. Every other Gemini tool keeps its own name, so Countersign treats it as a tool
 * it does not know (opaque: a human decides in production) until its arguments are mapped.
 */
public final class GeminiCliHook implements HookFormat {
  /** The event this adapter answers. */
  public static final String BEFORE_TOOL = "BeforeTool";
  /** Gemini CLI's shell tool. */
  public static final String SHELL_TOOL = "run_shell_command";

  private final ObjectMapper mapper;

  public GeminiCliHook(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  @Override
  public ToolCall parse(byte[] body) {
    ObjectNode root = HookJson.object(mapper, body);
    String event = HookJson.field(root, "hook_event_name", true);
    if (!event.equals(BEFORE_TOOL)) {
      throw new HookPayloadException("the Gemini CLI hook request is for event '" + HookJson.abbreviate(event)
          + "', but Countersign answers only BeforeTool");
    }
    String tool = HookJson.field(root, "tool_name", true);
    JsonNode input = root.get("tool_input");
    if (!(input instanceof ObjectNode inputObject)) {
      throw new HookPayloadException("the hook request has no tool_input object");
    }
    if (tool.equals(SHELL_TOOL)) {
      HookJson.text(inputObject, "command"); // the shell tool must name its command
      tool = "Bash";
    }
    return new ToolCall("gemini-cli", event, HookJson.field(root, "session_id", false),
        HookJson.field(root, "cwd", false), "", tool, inputObject);
  }

  @Override
  public byte[] render(byte[] body, AgentAnswer answer) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("decision", answer.allowed() ? "allow" : "deny");
    out.put("reason", answer.reason());
    return HookJson.write(mapper, out);
  }
}
