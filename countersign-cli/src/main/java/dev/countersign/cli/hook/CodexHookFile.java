package dev.countersign.cli.hook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Codex's {@code <project>/.codex/hooks.json} (AGENT-PROTOCOLS.md §2.3): Claude Code's shape, a
 * {@code PreToolUse} group with a {@code command} handler. Codex has no {@code onFailure}: it blocks
 * on exit 2 with a reason on stderr, which {@link RelayCommand} guarantees on every failure.
 */
record CodexHookFile(RelayCommand relay, String matcher) implements AgentHookFile {
  static final String EVENT = "PreToolUse";

  @Override
  public String client() {
    return "Codex";
  }

  @Override
  public Path file(Path project) {
    return project.resolve(".codex").resolve("hooks.json");
  }

  @Override
  public ObjectNode merge(ObjectNode existing) {
    ObjectNode out = existing.deepCopy();
    MatcherGroups.merge(out, EVENT, matcher, handler(), this::ours);
    return out;
  }

  private ObjectNode handler() {
    ObjectNode h = JsonNodeFactory.instance.objectNode();
    h.put("type", "command");
    h.put("command", relay.line());
    h.put("timeout", relay.timeoutSeconds());
    return h;
  }

  private boolean ours(JsonNode handler) {
    return relay.isOurs(handler, "command");
  }

  @Override
  public List<String> problems(ObjectNode settings) {
    List<String> out = new ArrayList<>();
    List<JsonNode> groups = MatcherGroups.groupsWithOurs(settings, EVENT, this::ours);
    if (groups.size() != 1 || MatcherGroups.ours(settings, EVENT, this::ours).size() != 1) {
      out.add("expected exactly one Countersign " + EVENT + " hook, found " + MatcherGroups.ours(settings, EVENT, this::ours).size());
      return out;
    }
    if (!groups.get(0).path("matcher").asText().equals(matcher)) {
      out.add("the hook's matcher is not " + matcher);
    }
    JsonNode h = MatcherGroups.ours(settings, EVENT, this::ours).get(0);
    if (!h.path("type").asText().equals("command") || !h.path("command").asText().equals(relay.line())) {
      out.add("the hook is not the command `" + relay.line() + "`");
    }
    if (h.path("timeout").asInt(0) < 2) {
      out.add("the hook has no timeout of at least 2 seconds");
    }
    return out;
  }

  @Override
  public List<String> summary() {
    return List.of(
        (matcher.equals("*") ? "every tool call" : "every tool call matching " + matcher) + " (PreToolUse) runs `" + relay.line()
            + "`, timeout " + relay.timeoutSeconds() + " s.",
        "Codex has no onFailure setting; the hook fails closed by exiting 2 with the reason on stderr whenever the server is down, slow or says no.",
        "Codex runs only trusted hooks and skips an untrusted one silently: trust this hook when Codex asks at startup,",
        "ship it as a managed hook, or run `codex exec --dangerously-bypass-hook-trust` in automation. Editing hooks.json un-trusts it.");
  }
}
