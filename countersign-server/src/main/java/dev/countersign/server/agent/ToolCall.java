package dev.countersign.server.agent;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One tool call an AI coding agent is about to make, in the form every hook adapter produces.
 *
 * @param client the agent client, e.g. {@code claude-code} (Codex sends the same payload)
 * @param event the hook event, e.g. {@code PreToolUse} or {@code PermissionRequest}
 * @param sessionId the client's session id, or empty
 * @param cwd the agent's working directory (file paths are made relative to it), or empty
 * @param permissionMode the client's permission mode, e.g. {@code bypassPermissions}, or empty
 * @param toolName the tool, e.g. {@code Bash}, {@code Write}, {@code mcp__db__query}
 * @param input the tool's input object as the client sent it (not modified by this package)
 */
public record ToolCall(
    String client,
    String event,
    String sessionId,
    String cwd,
    String permissionMode,
    String toolName,
    ObjectNode input) {
  public ToolCall {
    requireNonNull(client, "client");
    requireNonNull(event, "event");
    requireNonNull(sessionId, "sessionId");
    requireNonNull(cwd, "cwd");
    requireNonNull(permissionMode, "permissionMode");
    requireNonNull(toolName, "toolName");
    requireNonNull(input, "input");
  }
}
