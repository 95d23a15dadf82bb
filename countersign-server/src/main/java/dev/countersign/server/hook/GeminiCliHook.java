package dev.countersign.server.hook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.countersign.server.agent.AgentAnswer;
import dev.countersign.server.agent.ToolCall;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Gemini CLI's {@code BeforeTool} hook (AGENT-PROTOCOLS.md §3): the request has {@code
 * hook_event_name}, {@code session_id}, {@code cwd}, {@code tool_name}, {@code tool_input} (and
 * {@code timestamp}, {@code mcp_context}, …); the answer is {@code {"decision":"deny","reason":…}}
 * to block, the reason going to the agent, and {@code {"decision":"allow",…}} otherwise.
 *
 * <p>Gemini's tools are renamed to Claude Code's ({@link #TOOLS}; parameter names from gemini-cli
 * {@code packages/core/src/tools/definitions/base-declarations.ts}, with the older names {@code
 * path}, {@code absolute_path}, {@code paths} and {@code search_file_content} too), so they take the
 * same mapping and protected-path checks. An MCP call is named by its {@code mcp_context} ({@code
 * server_name}, {@code tool_name}) as {@code mcp__SERVER__TOOL}. Any other tool keeps its name, and
 * Countersign treats it as a tool it does not know (opaque: a human decides in production).
 */
public final class GeminiCliHook implements HookFormat {
  /** The event this adapter answers. */
  public static final String BEFORE_TOOL = "BeforeTool";
  /** Gemini CLI's shell tool. */
  public static final String SHELL_TOOL = "run_shell_command";

  /** Gemini CLI's built-in tools in Claude Code's names. */
  static final ToolAliases TOOLS = ToolAliases.builder()
      .tool(SHELL_TOOL, "Bash")
      .tool("write_file", "Write", "file_path", "file_path")
      .tool("replace", "Edit", "file_path", "file_path")
      .tool("read_file", "Read", "file_path", "file_path|absolute_path|path")
      .tool("read_many_files", "read_many_files", "include", "include|paths")
      .tool("glob", "Glob", "path", "dir_path|path")
      .tool("grep_search", "Grep", "path", "dir_path|path")
      .tool("search_file_content", "Grep", "path", "dir_path|path")
      .tool("list_directory", "LS", "path", "dir_path|path")
      .tool("google_web_search", "WebSearch")
      .tool("web_fetch", "WebFetch")
      .tool("write_todos", "TodoWrite")
      .build();

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
    }
    ToolAliases.Renamed renamed = mcp(root, tool)
        .map(name -> new ToolAliases.Renamed(name, inputObject))
        .orElseGet(() -> TOOLS.rename(tool, inputObject));
    return new ToolCall("gemini-cli", event, HookJson.field(root, "session_id", false),
        HookJson.field(root, "cwd", false), "", renamed.tool(), renamed.input());
  }

  /** {@code mcp__SERVER__TOOL} from {@code mcp_context}, when the call is an MCP tool's. */
  private static Optional<String> mcp(ObjectNode root, String tool) {
    JsonNode context = root.get("mcp_context");
    if (context == null || context.isNull()) {
      return Optional.empty();
    }
    if (!(context instanceof ObjectNode c)) {
      throw new HookPayloadException("the hook request's mcp_context is not an object");
    }
    if (TOOLS.alias(tool).isPresent()) {
      throw new HookPayloadException("the hook request for Gemini's built-in tool '" + tool + "' carries an mcp_context");
    }
    String name = McpNames.name(HookJson.field(c, "server_name", true), HookJson.field(c, "tool_name", true));
    if (tool.startsWith(McpNames.PREFIX) && !tool.equals(name)) {
      throw new HookPayloadException("the hook request's tool_name '" + HookJson.abbreviate(tool)
          + "' does not match its mcp_context (" + HookJson.abbreviate(name) + ")");
    }
    return Optional.of(name);
  }

  @Override
  public byte[] render(byte[] body, AgentAnswer answer) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("decision", answer.allowed() ? "allow" : "deny");
    out.put("reason", answer.reason());
    return HookJson.write(mapper, out);
  }
}
