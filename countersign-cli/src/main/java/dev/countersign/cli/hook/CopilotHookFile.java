package dev.countersign.cli.hook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * GitHub Copilot's {@code <project>/.github/hooks/countersign.json} (AGENT-PROTOCOLS.md §6): version
 * 1, a {@code preToolUse} handler of type {@code command} with a {@code bash} line and {@code
 * timeoutSec}. Copilot processes only {@code deny}; the relay's exit 2 covers failures.
 */
record CopilotHookFile(RelayCommand relay) implements AgentHookFile {
  static final String EVENT = "preToolUse";

  @Override
  public String client() {
    return "GitHub Copilot";
  }

  @Override
  public Path file(Path project) {
    return project.resolve(".github").resolve("hooks").resolve("countersign.json");
  }

  @Override
  public ObjectNode merge(ObjectNode existing) {
    ObjectNode out = FlatHooks.versionOne(existing, client());
    ObjectNode h = JsonNodeFactory.instance.objectNode();
    h.put("type", "command");
    h.put("bash", relay.line());
    h.put("timeoutSec", relay.timeoutSeconds());
    FlatHooks.merge(out, EVENT, h, this::ours);
    return out;
  }

  private boolean ours(JsonNode handler) {
    return relay.isOurs(handler, "bash");
  }

  @Override
  public List<String> problems(ObjectNode settings) {
    List<String> out = new ArrayList<>();
    if (settings.path("version").asInt(0) != 1) {
      out.add("the file does not have \"version\": 1");
    }
    List<JsonNode> mine = FlatHooks.ours(settings, EVENT, this::ours);
    if (mine.size() != 1) {
      out.add("expected exactly one Countersign " + EVENT + " hook, found " + mine.size());
      return out;
    }
    JsonNode h = mine.get(0);
    if (!h.path("type").asText().equals("command") || !h.path("bash").asText().equals(relay.line())) {
      out.add("the hook is not the bash command `" + relay.line() + "`");
    }
    if (h.path("timeoutSec").asInt(0) < 2) {
      out.add("the hook has no timeoutSec of at least 2");
    }
    return out;
  }

  @Override
  public List<String> summary() {
    return List.of("every tool call (preToolUse) runs `" + relay.line() + "`, timeoutSec " + relay.timeoutSeconds() + ".",
        "The cloud agent reads .github/hooks/*.json from the default branch: commit this file there, and make the server",
        "reachable from the agent's runner with " + dev.countersign.cli.remote.ServerOptions.TOKEN_ENV + " in its environment.");
  }
}
