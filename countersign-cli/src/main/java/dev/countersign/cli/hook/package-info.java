/**
 * Putting an AI coding agent under Countersign: {@code countersign hook claude-code}, the command
 * hook that relays Claude Code's (or Codex's) hook JSON to the server and fails closed, and {@code
 * countersign hook install claude-code}, which writes a fail-closed hook entry into a project's
 * {@code .claude/settings.json} and checks it.
 *
 * <p>Depends on the JDK's HTTP client, Jackson and picocli; the server decides, this only relays
 * and configures.
 */
@NullMarked
package dev.countersign.cli.hook;

import org.jspecify.annotations.NullMarked;
