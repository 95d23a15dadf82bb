package dev.countersign.cli.hook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.countersign.cli.InputError;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The hook shape Cursor and Copilot share: {@code {"version": 1, "hooks": {"EVENT": [handler, …]}}},
 * without matchers. Countersign's handler goes last, replacing an earlier one of its handlers.
 */
final class FlatHooks {
  private FlatHooks() {}

  /** A copy of {@code existing} with {@code "version": 1}; an input error for any other version. */
  static ObjectNode versionOne(ObjectNode existing, String client) {
    JsonNode v = existing.get("version");
    if (v != null && !(v.isIntegralNumber() && v.asInt() == 1)) {
      throw new InputError("the " + client + " hook file has \"version\": " + v + "; Countersign writes version 1 only; nothing was changed");
    }
    ObjectNode out = existing.objectNode().put("version", 1);
    out.setAll(existing.deepCopy());
    return out;
  }

  /** Merges {@code handler} into {@code settings.hooks.EVENT}. */
  static void merge(ObjectNode settings, String event, ObjectNode handler, Predicate<JsonNode> ours) {
    ArrayNode handlers = ConfigJson.array(ConfigJson.object(settings, "hooks"), event);
    ArrayNode kept = handlers.arrayNode();
    handlers.forEach(h -> {
      if (!ours.test(h)) {
        kept.add(h);
      }
    });
    kept.add(handler);
    ((ObjectNode) settings.get("hooks")).set(event, kept);
  }

  /** Countersign's handlers under {@code settings.hooks.EVENT}. */
  static List<JsonNode> ours(JsonNode settings, String event, Predicate<JsonNode> ours) {
    List<JsonNode> out = new ArrayList<>();
    settings.path("hooks").path(event).forEach(h -> {
      if (ours.test(h)) {
        out.add(h);
      }
    });
    return out;
  }
}
