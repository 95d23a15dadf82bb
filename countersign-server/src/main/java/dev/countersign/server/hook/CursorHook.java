package dev.countersign.server.hook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.countersign.server.agent.AgentAnswer;
import dev.countersign.server.agent.ToolCall;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Cursor's hooks (AGENT-PROTOCOLS.md §4). Every event shares {@code hook_event_name}, {@code
 * conversation_id}, {@code workspace_roots}; the answer is always {@code {"permission":
 * "allow"|"deny", ...}} with a message for the user and one for the agent. The events read:
 *
 * <ul>
 *   <li>{@code beforeShellExecution}: {@code command} and {@code cwd} at the <em>top level</em>,
 *       decided as the shell tool ({@code Bash});
 *   <li>{@code beforeMCPExecution}: {@code tool_name}, {@code tool_input} (an object, or a string
 *       holding one), and {@code url} or {@code command} for the server; decided as {@code
 *       mcp__SERVER__TOOL}, see {@link #mcp};
 *   <li>{@code beforeReadFile}: {@code file_path}, decided as a {@code Read} of it (the file's
 *       {@code content}, which Cursor also sends, is not kept: Countersign must not store it);
 *   <li>{@code preToolUse} (newer Cursor, Claude-style): {@code tool_name} and {@code tool_input},
 *       Cursor's tools renamed to Claude Code's ({@link #TOOLS}; {@code MCP:SERVER:TOOL} as {@code
 *       mcp__SERVER__TOOL}); other tools keep their names (opaque unless Claude has one of that
 *       name).
 * </ul>
 *
 * Any other event is refused (deny), since Countersign cannot tell what it would do.
 *
 * <p>The sources disagree on the message keys ({@code user_message}/{@code agent_message} in the
 * protocol notes, {@code userMessage}/{@code agentMessage} elsewhere), so the answer carries both;
 * only {@code permission} decides, and a deny is a deny whichever key Cursor reads.
 */
public final class CursorHook implements HookFormat {
  /** The shell event. */
  public static final String BEFORE_SHELL_EXECUTION = "beforeShellExecution";
  /** The MCP event. */
  public static final String BEFORE_MCP_EXECUTION = "beforeMCPExecution";
  /** The file-read event. */
  public static final String BEFORE_READ_FILE = "beforeReadFile";
  /** The Claude-style event of newer Cursor versions. */
  public static final String PRE_TOOL_USE = "preToolUse";

  private static final String MCP_PREFIX = "MCP:";

  /**
   * Cursor's agent tools in Claude Code's names. Their input names ({@code path}, {@code contents},
   * {@code glob_pattern}, …) are not in Cursor's hook documentation; they come from third-party
   * listings of the agent's tools, so Claude's names ({@code file_path}, {@code content}) are read
   * too.
   */
  static final ToolAliases TOOLS = ToolAliases.builder()
      .tool("Shell", "Bash")
      .tool("Write", "Write", "file_path", "file_path|path", "content", "content|contents")
      .tool("StrReplace", "Edit", "file_path", "file_path|path")
      .tool("Edit", "Edit", "file_path", "file_path|path")
      .tool("MultiEdit", "MultiEdit", "file_path", "file_path|path")
      .tool("Delete", "Delete", "file_path", "file_path|path")
      .tool("Read", "Read", "file_path", "file_path|path")
      .tool("EditNotebook", "NotebookEdit", "notebook_path", "notebook_path|target_notebook")
      .tool("Glob", "Glob", "path", "path|target_directory", "pattern", "pattern|glob_pattern")
      .build();

  private final ObjectMapper mapper;

  public CursorHook(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  @Override
  public ToolCall parse(byte[] body) {
    ObjectNode root = HookJson.object(mapper, body);
    String event = HookJson.field(root, "hook_event_name", true);
    String session = HookJson.field(root, "conversation_id", false);
    String cwd = cwd(root);
    ToolAliases.Renamed call =
        switch (event) {
          case BEFORE_SHELL_EXECUTION -> new ToolAliases.Renamed(
              "Bash", JsonNodeFactory.instance.objectNode().put("command", HookJson.text(root, "command")));
          case BEFORE_MCP_EXECUTION -> mcp(root);
          case BEFORE_READ_FILE -> new ToolAliases.Renamed(
              "Read", JsonNodeFactory.instance.objectNode().put("file_path", HookJson.text(root, "file_path")));
          case PRE_TOOL_USE -> preToolUse(root);
          default -> throw new HookPayloadException("the Cursor hook request is for event '" + HookJson.abbreviate(event)
              + "', but Countersign answers only beforeShellExecution, beforeMCPExecution, beforeReadFile and preToolUse");
        };
    return new ToolCall("cursor", event, session, cwd, "", call.tool(), call.input());
  }

  /**
   * beforeMCPExecution: the server is the one {@code MCP:SERVER:TOOL} names, else the one at {@code
   * url}, else the one {@code command} starts ({@link McpNames#serverFrom}); a call that names no
   * server is refused, since policy could not tell which server it reaches.
   */
  private ToolAliases.Renamed mcp(ObjectNode root) {
    String tool = HookJson.field(root, "tool_name", true);
    ObjectNode input = HookJson.objectField(mapper, root, "tool_input");
    if (tool.startsWith(MCP_PREFIX)) {
      return mcpTool(tool).map(name -> new ToolAliases.Renamed(name, input))
          .orElseThrow(() -> new HookPayloadException("the beforeMCPExecution request's tool_name '"
              + HookJson.abbreviate(tool) + "' names no server"));
    }
    String url = HookJson.field(root, "url", false);
    String command = url.isBlank() ? HookJson.field(root, "command", false) : "";
    if (url.isBlank() && command.isBlank()) {
      throw new HookPayloadException("the beforeMCPExecution request names no url or command for its MCP server");
    }
    return new ToolAliases.Renamed(McpNames.name(McpNames.serverFrom(url.isBlank() ? command : url), tool), input);
  }

  private ToolAliases.Renamed preToolUse(ObjectNode root) {
    String tool = HookJson.field(root, "tool_name", true);
    ObjectNode input = HookJson.objectField(mapper, root, "tool_input");
    if (tool.equals("Shell")) {
      HookJson.text(input, "command");
    }
    if (tool.startsWith(MCP_PREFIX)) {
      // MCP:TOOL without a server stays a tool Countersign does not know (opaque).
      return new ToolAliases.Renamed(mcpTool(tool).orElse(tool), input);
    }
    return TOOLS.rename(tool, input);
  }

  /** {@code mcp__SERVER__TOOL} for {@code MCP:SERVER:TOOL}; empty for {@code MCP:TOOL}. */
  private static Optional<String> mcpTool(String tool) {
    String rest = tool.substring(MCP_PREFIX.length());
    int colon = rest.indexOf(':');
    if (colon <= 0 || colon == rest.length() - 1) {
      return Optional.empty();
    }
    return Optional.of(McpNames.name(rest.substring(0, colon), rest.substring(colon + 1)));
  }

  private static String cwd(ObjectNode root) {
    String cwd = HookJson.field(root, "cwd", false);
    if (cwd.isEmpty()) {
      JsonNode roots = root.path("workspace_roots");
      if (roots.isArray() && roots.size() > 0 && roots.get(0).isTextual()
          && roots.get(0).textValue().length() <= HookJson.MAX_FIELD) {
        cwd = roots.get(0).textValue();
      }
    }
    return cwd;
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
