package dev.countersign.cli.hook;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;

/** {@code countersign hook copilot}: a GitHub Copilot CLI or cloud agent {@code preToolUse} command hook; Copilot acts only on {@code permissionDecision: deny}, and how it treats exit 2 is not documented. */
@Command(
    name = "copilot",
    mixinStandardHelpOptions = true,
    description = {
      "A GitHub Copilot CLI / cloud agent preToolUse command hook: reads the hook JSON on stdin, asks the Countersign server (POST /v1/hooks/copilot with the token in $COUNTERSIGN_TOKEN), and prints the answer.",
      "Fails closed: when the server is down, slow, answers anything but 200 with a hook decision, or the input is bad, it exits 2 with the reason on stderr."
    })
public final class CopilotHookCommand extends RelayingHookCommand {
  @Override
  String route() {
    return "/v1/hooks/copilot";
  }

  @Override
  boolean isDecision(JsonNode answer) {
    return answer.path("permissionDecision").isTextual();
  }
}
