package dev.countersign.cli.hook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The hook shape Claude Code, Codex and Gemini CLI share: {@code hooks.EVENT} is a list of groups
 * {@code {"matcher": …, "hooks": [handler, …]}}. Countersign's handler is put in a group of its own
 * at the end, replacing any earlier one of its handlers and keeping every other handler.
 */
final class MatcherGroups {
  private MatcherGroups() {}

  /** Merges {@code handler} under {@code matcher} into {@code settings.hooks.EVENT}. */
  static void merge(ObjectNode settings, String event, String matcher, ObjectNode handler, Predicate<JsonNode> ours) {
    ObjectNode hooks = ConfigJson.object(settings, "hooks");
    ArrayNode groups = ConfigJson.array(hooks, event);
    ArrayNode kept = groups.arrayNode();
    for (JsonNode group : groups) {
      JsonNode handlers = group.path("hooks");
      if (!group.isObject() || !handlers.isArray()) {
        kept.add(group);
        continue;
      }
      ArrayNode others = kept.arrayNode();
      handlers.forEach(h -> {
        if (!ours.test(h)) {
          others.add(h);
        }
      });
      if (!others.isEmpty()) {
        ObjectNode copy = ((ObjectNode) group).deepCopy();
        copy.set("hooks", others);
        kept.add(copy);
      }
    }
    ObjectNode mine = kept.addObject();
    mine.put("matcher", matcher);
    mine.putArray("hooks").add(handler);
    hooks.set(event, kept);
  }

  /** The groups under {@code settings.hooks.EVENT} that hold one of Countersign's handlers. */
  static List<JsonNode> groupsWithOurs(JsonNode settings, String event, Predicate<JsonNode> ours) {
    List<JsonNode> out = new ArrayList<>();
    settings.path("hooks").path(event).forEach(g -> g.path("hooks").forEach(h -> {
      if (ours.test(h)) {
        out.add(g);
      }
    }));
    return out;
  }

  /** Countersign's handlers under {@code settings.hooks.EVENT}. */
  static List<JsonNode> ours(JsonNode settings, String event, Predicate<JsonNode> ours) {
    List<JsonNode> out = new ArrayList<>();
    settings.path("hooks").path(event).forEach(g -> g.path("hooks").forEach(h -> {
      if (ours.test(h)) {
        out.add(h);
      }
    }));
    return out;
  }
}
