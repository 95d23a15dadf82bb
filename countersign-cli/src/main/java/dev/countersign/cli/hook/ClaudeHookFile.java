package dev.countersign.cli.hook;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;

/** Claude Code's {@code <project>/.claude/settings.json}: the entry {@link ClaudeSettings} merges and checks. */
record ClaudeHookFile(HookEntry entry, String matcher) implements AgentHookFile {
  @Override
  public String client() {
    return "Claude Code";
  }

  @Override
  public Path file(Path project) {
    return project.resolve(".claude").resolve("settings.json");
  }

  @Override
  public ObjectNode merge(ObjectNode existing) {
    return ClaudeSettings.merge(existing, entry, matcher);
  }

  @Override
  public List<String> problems(ObjectNode settings) {
    return ClaudeSettings.problems(settings, entry);
  }

  @Override
  public List<String> summary() {
    return List.of("every " + (matcher.equals("*") ? "" : matcher + " ") + "tool call goes to " + entry.hookUrl()
        + " (" + (entry.http() ? "http" : "command") + " hook), timeout " + entry.timeoutSeconds() + " s, onFailure block.");
  }
}
