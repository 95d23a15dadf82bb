package dev.countersign.cli.hook;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.countersign.cli.InputError;
import java.net.URI;
import java.util.regex.Pattern;

/**
 * The shell command an agent's command hook runs: {@code countersign hook AGENT --url '…' --timeout
 * N || exit 2}. The relay itself exits 2 with a reason on any failure; the trailing {@code || exit 2}
 * also turns a missing {@code countersign}, a crashed JVM or a signal into exit 2, because Codex,
 * Gemini CLI and Copilot treat every other non-zero exit as a warning and run the tool.
 *
 * @param countersign how to run countersign, e.g. {@code countersign} or an absolute path
 * @param agent the relay subcommand and route segment, e.g. {@code codex}
 * @param hookUrl the full hook URL, e.g. {@code http://127.0.0.1:8420/v1/hooks/codex}
 * @param timeoutSeconds the agent's timeout for the hook; the relay gives up 5 s earlier
 */
record RelayCommand(String countersign, String agent, URI hookUrl, int timeoutSeconds) {
  RelayCommand {
    requireNonNull(countersign, "countersign");
    requireNonNull(agent, "agent");
    requireNonNull(hookUrl, "hookUrl");
    if (timeoutSeconds < 2) {
      throw new InputError("the hook timeout must be at least 2 seconds");
    }
    if (hookUrl.toString().contains("'")) {
      throw new InputError("the server URL must not contain a single quote");
    }
  }

  /** The command line for the agent's hook file. */
  String line() {
    return countersign + " hook " + agent + " --url '" + hookUrl + "' --timeout " + Math.max(1, timeoutSeconds - 5) + " || exit 2";
  }

  /** Whether a handler's {@code field} runs Countersign's relay for this agent (any version of the line). */
  boolean isOurs(JsonNode handler, String field) {
    return Pattern.compile("(^|\\s)hook\\s+" + Pattern.quote(agent) + "(\\s|$)").matcher(handler.path(field).asText("")).find();
  }
}
