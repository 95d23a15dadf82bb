package dev.countersign.server.hook;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.countersign.server.agent.AgentAnswer;
import dev.countersign.server.agent.ToolCall;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * GitHub Copilot CLI and cloud agent {@code preToolUse} hooks (AGENT-PROTOCOLS.md §6): the request is
 * {@code {"timestamp":…,"cwd":…,"toolName":"bash","toolArgs":"{\"command\":…}"}}, where {@code
 * toolArgs} is a JSON <em>string</em>; the answer is {@code {"permissionDecision":"allow"|"deny",
 * "permissionDecisionReason":…}}.
 *
 * <p>Copilot's documentation says only {@code deny} is processed today (the cloud agent ignores
 * {@code allow} and {@code ask}), which is enough for a guard: a deny blocks, anything else lets
 * Copilot's own rules apply. The request names no event and no session.
 *
 * <p>{@code bash} is decided as the shell tool ({@code Bash}) on its {@code command}; Copilot's other
 * tools ({@code edit}, {@code view}, {@code create}, …) keep their names, so Countersign treats them
 * as tools it does not know (opaque: a human decides in production) until their arguments are mapped.
 */
public final class CopilotHook implements HookFormat {
  /** The event this adapter answers (Copilot does not send it; it is what the audit records). */
  public static final String PRE_TOOL_USE = "preToolUse";

  private final ObjectMapper mapper;

  public CopilotHook(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  @Override
  public ToolCall parse(byte[] body) {
    ObjectNode root = HookJson.object(mapper, body);
    String tool = HookJson.field(root, "toolName", true);
    String args = HookJson.text(root, "toolArgs");
    ObjectNode input = HookJson.object(mapper, args.getBytes(StandardCharsets.UTF_8), "the hook request's toolArgs");
    if (tool.equals("bash")) {
      HookJson.text(input, "command");
      tool = "Bash";
    }
    return new ToolCall("copilot", PRE_TOOL_USE, "", HookJson.field(root, "cwd", false), "", tool, input);
  }

  @Override
  public byte[] render(byte[] body, AgentAnswer answer) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("permissionDecision", answer.allowed() ? "allow" : "deny");
    out.put("permissionDecisionReason", answer.reason());
    return HookJson.write(mapper, out);
  }
}
