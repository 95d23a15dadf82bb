/**
 * Putting an AI coding agent under Countersign: {@code countersign hook AGENT}, the command hooks
 * that relay an agent's hook JSON (Claude Code, Codex, Cursor, Gemini CLI, Copilot) to the server
 * and fail closed (exit 2 with a reason on any failure), and {@code countersign hook install AGENT},
 * which writes a fail-closed hook entry into the agent's hook file in a project, keeping everything
 * else there, and checks what it wrote.
 *
 * <p>Depends on the JDK's HTTP client, Jackson and picocli; the server decides, this only relays
 * and configures.
 */
@NullMarked
package dev.countersign.cli.hook;

import org.jspecify.annotations.NullMarked;
