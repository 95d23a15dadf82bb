package dev.countersign.server.hook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.countersign.server.agent.AgentAnswer;
import dev.countersign.server.agent.ToolCall;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Cursor's {@code beforeShellExecution} hook (AGENT-PROTOCOLS.md §4): the request carries the shell
 * command at the <em>top level</em> ({@code command}, {@code cwd}, {@code conversation_id}, {@code
 * workspace_roots}, …), not under {@code tool_input}; the answer is {@code {"permission":
 * "allow"|"deny", ...}} with a message for the user and one for the agent.
 *
 * <p>The call is decided as the shell tool ({@code Bash}) with {@code {"command": …}}, so the same
 * shell analysis applies as for Claude Code. Any other Cursor event is refused (deny), since
 * Countersign cannot tell what it would do.
 *
 * <p>The sources disagree on the message keys ({@code user_message}/{@code agent_message} in the
 * protocol notes, {@code userMessage}/{@code agentMessage} elsewhere), so the answer carries both;
 * only {@code permission} decides, and a deny is a deny whichever key Cursor reads.
 */
public final class CursorHook implements HookFormat {
  /** The event this adapter answers. */
  public static final String BEFORE_SHELL_EXECUTION = "beforeShellExecution";

  private final ObjectMapper mapper;

  public CursorHook(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  @Override
  public ToolCall parse(byte[] body) {
    ObjectNode root = HookJson.object(mapper, body);
    String event = HookJson.field(root, "hook_event_name", true);
    if (!event.equals(BEFORE_SHELL_EXECUTION)) {
      throw new HookPayloadException("the Cursor hook request is for event '" + HookJson.abbreviate(event)
          + "', but Countersign answers only beforeShellExecution");
    }
    String command = HookJson.text(root, "command");
    String cwd = HookJson.field(root, "cwd", false);
    if (cwd.isEmpty()) {
      JsonNode roots = root.path("workspace_roots");
      if (roots.isArray() && roots.size() > 0 && roots.get(0).isTextual()
          && roots.get(0).textValue().length() <= HookJson.MAX_FIELD) {
        cwd = roots.get(0).textValue();
      }
    }
    ObjectNode input = JsonNodeFactory.instance.objectNode().put("command", command);
    return new ToolCall("cursor", event, HookJson.field(root, "conversation_id", false), cwd, "", "Bash", input);
  }

  @Override
  public byte[] render(byte[] body, AgentAnswer answer) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("permission", answer.allowed() ? "allow" : "deny");
    out.put("user_message", answer.reason());
    out.put("agent_message", answer.reason());
    out.put("userMessage", answer.reason());
    out.put("agentMessage", answer.reason());
    return HookJson.write(mapper, out);
  }
}
