package dev.countersign.cli.hook;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;

/**
 * {@code countersign hook codex}: a Codex {@code PreToolUse} command hook (Codex sends Claude Code's
 * format); exit 2 blocks. Codex 0.169 accepts only {@code deny} as a {@code permissionDecision} and
 * reports {@code allow} or {@code ask} as a failed hook, so an allow is said by printing nothing and
 * anything but allow or deny blocks.
 */
@Command(
    name = "codex",
    mixinStandardHelpOptions = true,
    description = {
      "A Codex command hook: reads the hook JSON on stdin, asks the Countersign server (POST /v1/hooks/codex with the token in $COUNTERSIGN_TOKEN), and prints a deny (an allow prints nothing).",
      "Fails closed: when the server is down, slow, answers anything but 200 with a hook decision, or the input is bad, it exits 2 with the reason on stderr."
    })
public final class CodexHookCommand extends RelayingHookCommand {
  @Override
  String route() {
    return "/v1/hooks/codex";
  }

  @Override
  boolean isDecision(JsonNode answer) {
    String decision = answer.path("hookSpecificOutput").path("permissionDecision").asText("");
    return decision.equals("allow") || decision.equals("deny");
  }

  @Override
  String printed(JsonNode answer, String text) {
    JsonNode specific = answer.path("hookSpecificOutput");
    boolean plainAllow = specific.path("permissionDecision").asText("").equals("allow") && !specific.has("updatedInput");
    return plainAllow ? "" : text;
  }
}
