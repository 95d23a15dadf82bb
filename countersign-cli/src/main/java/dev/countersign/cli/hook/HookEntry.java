package dev.countersign.cli.hook;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;

/**
 * The hook handler Countersign installs: an {@code http} handler that Claude Code calls directly, or
 * a {@code command} handler that runs {@code countersign hook claude-code}. Both fail closed
 * ({@code "onFailure": "block"}).
 *
 * @param http whether it is the http handler (else the command handler)
 * @param hookUrl the full hook URL, e.g. {@code http://127.0.0.1:8420/v1/hooks/claude-code}
 * @param tokenEnv the environment variable holding the agent's token
 * @param timeoutSeconds the client's timeout for the hook; above the server's hold budget
 * @param countersign how to run the countersign command (command handler only)
 */
record HookEntry(boolean http, URI hookUrl, String tokenEnv, int timeoutSeconds, String countersign) {
  /** The path every Countersign hook URL has. */
  static final String PATH = "/v1/hooks/claude-code";

  HookEntry {
    requireNonNull(hookUrl, "hookUrl");
    requireNonNull(tokenEnv, "tokenEnv");
    requireNonNull(countersign, "countersign");
    if (timeoutSeconds < 2) {
      throw new IllegalArgumentException("the hook timeout must be at least 2 seconds");
    }
  }

  /** The URL pattern for {@code allowedHttpHookUrls}: the server's origin and everything below. */
  String allowedUrlPattern() {
    return hookUrl.getScheme() + "://" + hookUrl.getAuthority() + "/*";
  }

  /** The handler object for settings.json. */
  ObjectNode handler() {
    ObjectNode h = JsonNodeFactory.instance.objectNode();
    if (http) {
      h.put("type", "http");
      h.put("url", hookUrl.toString());
      h.put("timeout", timeoutSeconds);
      h.putObject("headers").put("Authorization", "Bearer $" + tokenEnv);
      h.putArray("allowedEnvVars").add(tokenEnv);
    } else {
      h.put("type", "command");
      h.put("command", countersign + " hook claude-code --url '" + hookUrl + "' --timeout " + Math.max(1, timeoutSeconds - 5));
      h.put("timeout", timeoutSeconds);
    }
    h.put("onFailure", "block");
    h.put("statusMessage", "Countersign is checking this tool call");
    return h;
  }
}
