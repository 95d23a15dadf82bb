package dev.countersign.cli.hook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Cursor's {@code <project>/.cursor/hooks.json} (AGENT-PROTOCOLS.md §4): version 1, and for shell
 * commands, MCP calls and file reads a handler with {@code "failClosed": true} (Cursor fails open by
 * default) and a timeout in milliseconds. The server's Cursor adapter reads each of these events as
 * the matching Claude Code tool (docs/agent-hooks.md).
 */
record CursorHookFile(RelayCommand relay) implements AgentHookFile {
  static final List<String> EVENTS = List.of("beforeShellExecution", "beforeMCPExecution", "beforeReadFile");

  @Override
  public String client() {
    return "Cursor";
  }

  @Override
  public Path file(Path project) {
    return project.resolve(".cursor").resolve("hooks.json");
  }

  @Override
  public ObjectNode merge(ObjectNode existing) {
    ObjectNode out = FlatHooks.versionOne(existing, client());
    for (String event : EVENTS) {
      ObjectNode h = JsonNodeFactory.instance.objectNode();
      h.put("command", relay.line());
      h.put("timeout", relay.timeoutSeconds() * 1000);
      h.put("failClosed", true);
      FlatHooks.merge(out, event, h, this::ours);
    }
    return out;
  }

  private boolean ours(JsonNode handler) {
    return relay.isOurs(handler, "command");
  }

  @Override
  public List<String> problems(ObjectNode settings) {
    List<String> out = new ArrayList<>();
    if (settings.path("version").asInt(0) != 1) {
      out.add("the file does not have \"version\": 1");
    }
    for (String event : EVENTS) {
      List<JsonNode> mine = FlatHooks.ours(settings, event, this::ours);
      if (mine.size() != 1) {
        out.add("expected exactly one Countersign " + event + " hook, found " + mine.size());
        continue;
      }
      JsonNode h = mine.get(0);
      if (!h.path("command").asText().equals(relay.line())) {
        out.add("the " + event + " hook is not the command `" + relay.line() + "`");
      }
      if (!h.path("failClosed").asBoolean(false)) {
        out.add("the " + event + " hook does not have \"failClosed\": true, so a failed or slow hook would let the command run");
      }
      if (h.path("timeout").asInt(0) < 2000) {
        out.add("the " + event + " hook has no timeout of at least 2000 ms");
      }
    }
    return out;
  }

  @Override
  public List<String> summary() {
    return List.of("every shell command, MCP call and file read (" + String.join(", ", EVENTS) + ") runs `" + relay.line() + "`, timeout "
        + relay.timeoutSeconds() * 1000 + " ms, failClosed true.");
  }
}
