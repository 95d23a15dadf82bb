package dev.countersign.server.agent;

import dev.countersign.model.Action;
import dev.countersign.model.Verb;

/** MCP tools, named {@code mcp__SERVER__TOOL} by Claude Code and Codex: an exec of {@code mcp/SERVER/TOOL}. */
final class McpTool {
  private static final String PREFIX = "mcp__";

  private McpTool() {}

  /** Whether the tool name is an MCP tool's ({@code mcp__SERVER__TOOL}). */
  static boolean is(String tool) {
    int sep = tool.indexOf("__", PREFIX.length());
    return tool.startsWith(PREFIX) && sep > PREFIX.length() && sep + 2 < tool.length();
  }

  /** The exec action, hashed over the tool's arguments. */
  static Action action(ToolCall call) {
    String name = call.toolName();
    int sep = name.indexOf("__", PREFIX.length());
    String server = name.substring(PREFIX.length(), sep);
    String tool = name.substring(sep + 2);
    return new Action(
        Verb.EXEC,
        "mcp",
        "mcp/" + server + "/" + tool,
        "",
        false,
        "calls tool " + tool + " of MCP server " + server,
        Inputs.hash(Inputs.plain(call.input())));
  }
}
