/**
 * Agent hook wire formats: parse a client's hook request into a {@link
 * dev.countersign.server.agent.ToolCall} and render an {@link
 * dev.countersign.server.agent.AgentAnswer} in the client's output format. Today: Claude Code's
 * hooks (PreToolUse and PermissionRequest), which Codex also speaks.
 *
 * <p>One class per client format; no decisions here. Depends on {@code server.agent} and Jackson
 * only; never on the store or the HTTP layer.
 */
@NullMarked
package dev.countersign.server.hook;

import org.jspecify.annotations.NullMarked;
