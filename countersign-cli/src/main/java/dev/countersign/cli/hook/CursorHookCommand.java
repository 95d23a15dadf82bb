package dev.countersign.cli.hook;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;

/** {@code countersign hook cursor}: a Cursor {@code beforeShellExecution} command hook; configure it with {@code "failClosed": true} so that exit 2 blocks. */
@Command(
    name = "cursor",
    mixinStandardHelpOptions = true,
    description = {
      "A Cursor beforeShellExecution command hook: reads the hook JSON on stdin, asks the Countersign server (POST /v1/hooks/cursor with the token in $COUNTERSIGN_TOKEN), and prints the answer.",
      "Fails closed: when the server is down, slow, answers anything but 200 with a hook decision, or the input is bad, it exits 2 with the reason on stderr."
    })
public final class CursorHookCommand extends RelayingHookCommand {
  @Override
  String route() {
    return "/v1/hooks/cursor";
  }

  @Override
  boolean isDecision(JsonNode answer) {
    return answer.path("permission").isTextual();
  }
}
