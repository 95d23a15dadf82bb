package dev.countersign.cli.hook;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;

/**
 * {@code countersign hook claude-code}: a Claude Code (or Codex) command hook. Reads the hook JSON
 * on stdin, asks the server, prints its answer on stdout and exits 0; on any failure prints one
 * sentence on stderr and exits 2, which the client treats as "block".
 */
@Command(
    name = "claude-code",
    mixinStandardHelpOptions = true,
    description = {
      "A Claude Code (or Codex) command hook: reads the hook JSON on stdin, asks the Countersign server (POST /v1/hooks/claude-code with the token in $COUNTERSIGN_TOKEN), and prints the answer.",
      "Fails closed: when the server is down, slow, answers anything but 200 with a hook decision, or the input is bad, it exits 2 with the reason on stderr, which blocks the tool call."
    })
public final class ClaudeCodeHookCommand extends RelayingHookCommand {
  @Override
  String route() {
    return HookEntry.PATH;
  }

  @Override
  boolean isDecision(JsonNode answer) {
    return answer.path("hookSpecificOutput").isObject();
  }
}
