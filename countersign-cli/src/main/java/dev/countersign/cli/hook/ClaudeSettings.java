package dev.countersign.cli.hook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.countersign.cli.InputError;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Claude Code's {@code settings.json}, as far as Countersign's hook entry is concerned: merge the
 * entry in (replacing an earlier Countersign entry, keeping everything else), and check a file
 * for a working, fail-closed entry. Claude Code silently loads no hooks at all from a settings file
 * that is not valid JSON, so both steps refuse to guess.
 */
final class ClaudeSettings {
  static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final String EVENT = "PreToolUse";

  private ClaudeSettings() {}

  /** Parses settings text; an input error when it is not one JSON object. */
  static ObjectNode parse(String text, String source) {
    try {
      JsonNode n = JSON.readTree(text);
      if (n instanceof ObjectNode o) {
        return o;
      }
      throw new InputError(source + " is not a JSON object; fix it first (Claude Code loads no hooks from it)");
    } catch (JsonProcessingException e) {
      throw new InputError(source + " is not valid JSON (" + e.getOriginalMessage()
          + "); fix it first: Claude Code silently loads no hooks from a settings file it cannot parse");
    }
  }

  /** The settings with Countersign's entry for {@code matcher} merged in. */
  static ObjectNode merge(ObjectNode settings, HookEntry entry, String matcher) {
    ObjectNode out = settings.deepCopy();
    ObjectNode hooks = object(out, "hooks");
    ArrayNode groups = array(hooks, EVENT);
    ArrayNode kept = groups.arrayNode();
    for (JsonNode group : groups) {
      JsonNode handlers = group.path("hooks");
      if (!group.isObject() || !handlers.isArray()) {
        kept.add(group);
        continue;
      }
      ArrayNode others = kept.arrayNode();
      handlers.forEach(h -> {
        if (!ours(h)) {
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
    mine.putArray("hooks").add(entry.handler());
    hooks.set(EVENT, kept);
    if (entry.http()) {
      addOnce(array(out, "allowedHttpHookUrls"), entry.allowedUrlPattern());
      addOnce(array(out, "httpHookAllowedEnvVars"), entry.tokenEnv());
    }
    return out;
  }

  /**
   * Why the settings would not put every matching tool call through Countersign, failing closed;
   * empty when they would.
   */
  static List<String> problems(ObjectNode settings, HookEntry entry) {
    List<String> out = new ArrayList<>();
    List<JsonNode> mine = new ArrayList<>();
    settings.path("hooks").path(EVENT).forEach(g -> g.path("hooks").forEach(h -> {
      if (ours(h)) {
        mine.add(h);
      }
    }));
    if (mine.size() != 1) {
      out.add("expected exactly one Countersign " + EVENT + " hook, found " + mine.size());
      return out;
    }
    JsonNode h = mine.get(0);
    if (!"block".equals(h.path("onFailure").asText())) {
      out.add("the hook does not have \"onFailure\": \"block\", so a failed or slow hook would let the tool run");
    }
    if (h.path("timeout").asInt(0) < 2) {
      out.add("the hook has no timeout of at least 2 seconds");
    }
    if (entry.http()) {
      String url = h.path("url").asText();
      if (!allowed(settings.path("allowedHttpHookUrls"), url)) {
        out.add("allowedHttpHookUrls does not allow " + url);
      }
      if (!contains(settings.path("httpHookAllowedEnvVars"), entry.tokenEnv())
          || !contains(h.path("allowedEnvVars"), entry.tokenEnv())) {
        out.add("$" + entry.tokenEnv() + " is not in both allowedEnvVars and httpHookAllowedEnvVars, so the token would be sent empty");
      }
    }
    return out;
  }

  /** Whether a handler is Countersign's (an http hook to its path, or its command). */
  static boolean ours(JsonNode handler) {
    return handler.path("url").asText("").contains(HookEntry.PATH)
        || handler.path("command").asText("").contains("hook claude-code");
  }

  /** Renders settings as indented JSON text. */
  static String render(ObjectNode settings) {
    try {
      return JSON.writeValueAsString(settings) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot render settings", e);
    }
  }

  private static boolean allowed(JsonNode patterns, String url) {
    for (JsonNode p : patterns) {
      String regex = ("\\Q" + p.asText() + "\\E").replace("*", "\\E.*\\Q");
      if (Pattern.matches(regex, url)) {
        return true;
      }
    }
    return false;
  }

  private static boolean contains(JsonNode array, String value) {
    for (JsonNode n : array) {
      if (n.asText().equals(value)) {
        return true;
      }
    }
    return false;
  }

  private static void addOnce(ArrayNode array, String value) {
    if (!contains(array, value)) {
      array.add(value);
    }
  }

  private static ObjectNode object(ObjectNode parent, String field) {
    JsonNode n = parent.get(field);
    if (n == null || n.isNull()) {
      return parent.putObject(field);
    }
    if (n instanceof ObjectNode o) {
      return o;
    }
    throw new InputError("settings field '" + field + "' is not an object; fix it first");
  }

  private static ArrayNode array(ObjectNode parent, String field) {
    JsonNode n = parent.get(field);
    if (n == null || n.isNull()) {
      return parent.putArray(field);
    }
    if (n instanceof ArrayNode a) {
      return a;
    }
    throw new InputError("settings field '" + field + "' is not an array; fix it first");
  }
}
