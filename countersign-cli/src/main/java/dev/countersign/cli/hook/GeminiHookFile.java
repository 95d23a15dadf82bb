package dev.countersign.cli.hook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Gemini CLI's {@code <project>/.gemini/settings.json} (AGENT-PROTOCOLS.md §3): a {@code BeforeTool}
 * group whose matcher is a regular expression, with a {@code command} handler whose timeout is in
 * milliseconds. Gemini blocks on exit 2 (stderr is the reason) and runs the tool on any other
 * failure, so the relay's exit 2 is what makes it fail closed. Gemini CLI 0.61.0 loads a project's
 * hooks only when the folder is trusted, which the install says.
 */
record GeminiHookFile(RelayCommand relay, String matcher) implements AgentHookFile {
  static final String EVENT = "BeforeTool";

  GeminiHookFile {
    matcher = matcher.equals("*") ? ".*" : matcher;
  }

  @Override
  public String client() {
    return "Gemini CLI";
  }

  @Override
  public Path file(Path project) {
    return project.resolve(".gemini").resolve("settings.json");
  }

  @Override
  public ObjectNode merge(ObjectNode existing) {
    ObjectNode out = existing.deepCopy();
    ObjectNode h = JsonNodeFactory.instance.objectNode();
    h.put("name", "countersign");
    h.put("type", "command");
    h.put("command", relay.line());
    h.put("timeout", relay.timeoutSeconds() * 1000);
    MatcherGroups.merge(out, EVENT, matcher, h, this::ours);
    return out;
  }

  private boolean ours(JsonNode handler) {
    return relay.isOurs(handler, "command");
  }

  @Override
  public List<String> problems(ObjectNode settings) {
    List<String> out = new ArrayList<>();
    List<JsonNode> mine = MatcherGroups.ours(settings, EVENT, this::ours);
    if (mine.size() != 1) {
      out.add("expected exactly one Countersign " + EVENT + " hook, found " + mine.size());
      return out;
    }
    if (!MatcherGroups.groupsWithOurs(settings, EVENT, this::ours).get(0).path("matcher").asText().equals(matcher)) {
      out.add("the hook's matcher is not " + matcher);
    }
    JsonNode h = mine.get(0);
    if (!h.path("type").asText().equals("command") || !h.path("command").asText().equals(relay.line())) {
      out.add("the hook is not the command `" + relay.line() + "`");
    }
    if (h.path("timeout").asInt(0) < 2000) {
      out.add("the hook has no timeout of at least 2000 ms");
    }
    return out;
  }

  @Override
  public List<String> summary() {
    return List.of("every tool call matching " + matcher + " (BeforeTool) runs `" + relay.line() + "`, timeout "
        + relay.timeoutSeconds() * 1000 + " ms; it exits 2 (block) on any failure.",
        "Gemini CLI loads project hooks only in a trusted folder, and silently runs tools without them otherwise:",
        "trust the folder when Gemini asks (or add it to ~/.gemini/trustedFolders.json); in automation set",
        "GEMINI_CLI_TRUST_WORKSPACE=true. `--skip-trust` does not load them (GeminiEndToEndTest shows both).");
  }
}
