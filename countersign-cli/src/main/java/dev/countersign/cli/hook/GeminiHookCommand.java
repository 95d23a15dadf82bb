package dev.countersign.cli.hook;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;

/** {@code countersign hook gemini}: a Gemini CLI {@code BeforeTool} command hook; exit 2 blocks with the reason from stderr. */
@Command(
    name = "gemini",
    mixinStandardHelpOptions = true,
    description = {
      "A Gemini CLI BeforeTool command hook: reads the hook JSON on stdin, asks the Countersign server (POST /v1/hooks/gemini with the token in $COUNTERSIGN_TOKEN), and prints the answer.",
      "Fails closed: when the server is down, slow, answers anything but 200 with a hook decision, or the input is bad, it exits 2 with the reason on stderr."
    })
public final class GeminiHookCommand extends RelayingHookCommand {
  @Override
  String route() {
    return "/v1/hooks/gemini";
  }

  @Override
  boolean isDecision(JsonNode answer) {
    return answer.path("decision").isTextual();
  }
}
