/**
 * Agent hook wire formats: parse a client's hook request into a {@link
 * dev.countersign.server.agent.ToolCall} and render an {@link
 * dev.countersign.server.agent.AgentAnswer} in the client's output format: Claude Code's hooks
 * (PreToolUse and PermissionRequest), which Codex also speaks, Cursor's, Gemini CLI's and Copilot's.
 * Other clients' tools are renamed to Claude Code's ({@code ToolAliases}), so the mapping is shared.
 *
 * <p>One class per client format; no decisions here. Depends on {@code server.agent} and Jackson
 * only; never on the store or the HTTP layer.
 */
@NullMarked
package dev.countersign.server.hook;

import org.jspecify.annotations.NullMarked;
