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
 * <p>Copilot's tools are renamed to Claude Code's ({@link #TOOLS}): {@code bash} is the shell tool,
 * {@code create} a {@code Write} ({@code path}, {@code file_text}), {@code edit} an {@code Edit}
 * ({@code path}, {@code old_str}, {@code new_str}), {@code view} a {@code Read} ({@code path});
 * {@code str_replace_editor} by its {@code command}. Parameter names are those of the Copilot CLI
 * tool interfaces in microsoft/vscode ({@code copilotToolDisplay.ts}); the hook documentation names
 * the tools but not their arguments. MCP tools have no documented naming, so they and every other
 * tool keep their names and are decided as tools Countersign does not know (opaque).
 */
public final class CopilotHook implements HookFormat {
  /** The event this adapter answers (Copilot does not send it; it is what the audit records). */
  public static final String PRE_TOOL_USE = "preToolUse";

  /** Copilot's built-in tools in Claude Code's names. */
  static final ToolAliases TOOLS = ToolAliases.builder()
      .tool("bash", "Bash")
      .tool("create", "Write", "file_path", "path|file_path", "content", "file_text|content")
      .tool("write", "Write", "file_path", "path|file_path", "content", "file_text|content")
      .tool("edit", "Edit", "file_path", "path|file_path", "old_string", "old_str|old_string",
          "new_string", "new_str|new_string")
      .tool("str_replace", "Edit", "file_path", "path|file_path", "old_string", "old_str|old_string",
          "new_string", "new_str|new_string")
      .tool("insert", "Edit", "file_path", "path|file_path", "new_string", "new_str|new_string")
      .tool("view", "Read", "file_path", "path|file_path")
      .tool("glob", "Glob")
      .tool("grep", "Grep")
      .tool("rg", "Grep")
      .tool("web_fetch", "WebFetch")
      .tool("web_search", "WebSearch")
      .build();

  /** The {@code str_replace_editor} commands, as the tool of the same name. */
  private static final Map<String, String> EDITOR_COMMANDS =
      Map.of("view", "view", "create", "create", "str_replace", "str_replace", "insert", "insert", "undo_edit", "edit");

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
    }
    String clientTool = tool.equals("str_replace_editor") ? editorCommand(input) : tool;
    ToolAliases.Renamed renamed = TOOLS.rename(clientTool, input);
    return new ToolCall("copilot", PRE_TOOL_USE, "", HookJson.field(root, "cwd", false), "", renamed.tool(), renamed.input());
  }

  /** The tool a {@code str_replace_editor} call is, by its {@code command}; itself when unknown. */
  private static String editorCommand(ObjectNode input) {
    String command = input.path("command").asText("");
    return EDITOR_COMMANDS.getOrDefault(command, "str_replace_editor");
  }

  @Override
  public byte[] render(byte[] body, AgentAnswer answer) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("permissionDecision", answer.allowed() ? "allow" : "deny");
    out.put("permissionDecisionReason", answer.reason());
    return HookJson.write(mapper, out);
  }
}
