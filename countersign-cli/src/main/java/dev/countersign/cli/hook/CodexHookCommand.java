package dev.countersign.cli.hook;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;

/** {@code countersign hook codex}: a Codex {@code PreToolUse} command hook (Codex sends Claude Code's format); exit 2 blocks. */
@Command(
    name = "codex",
    mixinStandardHelpOptions = true,
    description = {
      "A Codex command hook: reads the hook JSON on stdin, asks the Countersign server (POST /v1/hooks/codex with the token in $COUNTERSIGN_TOKEN), and prints the answer.",
      "Fails closed: when the server is down, slow, answers anything but 200 with a hook decision, or the input is bad, it exits 2 with the reason on stderr."
    })
public final class CodexHookCommand extends RelayingHookCommand {
  @Override
  String route() {
    return "/v1/hooks/codex";
  }

  @Override
  boolean isDecision(JsonNode answer) {
    return answer.path("hookSpecificOutput").isObject();
  }
}
