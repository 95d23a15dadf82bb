package dev.countersign.policy;

import static java.util.Objects.requireNonNull;

/**
 * The agent tool call a decision is about, when an agent hook asked: which client, which tool, in
 * which permission mode. Policy sees it as {@code tool} ({@code tool.present} is false for changes
 * proposed through the API).
 *
 * @param client the agent client, e.g. {@code claude-code} or {@code codex}
 * @param name the tool name as the client reports it, e.g. {@code Bash} or {@code mcp__db__query}
 * @param permissionMode the client's permission mode, e.g. {@code default} or {@code
 *     bypassPermissions}; empty when the client did not say
 * @param sessionId the client's session id, or empty
 */
public record ToolUse(String client, String name, String permissionMode, String sessionId) {
  public ToolUse {
    requireNonNull(client, "client");
    requireNonNull(name, "name");
    requireNonNull(permissionMode, "permissionMode");
    requireNonNull(sessionId, "sessionId");
  }
}
