package dev.countersign.cli.hook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
  private static final String EVENT = "PreToolUse";
  private static final String CLIENT = "Claude Code";

  private ClaudeSettings() {}

  /** Parses settings text; an input error when it is not one JSON object. */
  static ObjectNode parse(String text, String source) {
    return ConfigJson.parse(text, source, CLIENT);
  }

  /** The settings with Countersign's entry for {@code matcher} merged in. */
  static ObjectNode merge(ObjectNode settings, HookEntry entry, String matcher) {
    ObjectNode out = settings.deepCopy();
    MatcherGroups.merge(out, EVENT, matcher, entry.handler(), ClaudeSettings::ours);
    if (entry.http()) {
      ConfigJson.addOnce(ConfigJson.array(out, "allowedHttpHookUrls"), entry.allowedUrlPattern());
      ConfigJson.addOnce(ConfigJson.array(out, "httpHookAllowedEnvVars"), entry.tokenEnv());
    }
    return out;
  }

  /**
   * Why the settings would not put every matching tool call through Countersign, failing closed;
   * empty when they would.
   */
  static List<String> problems(ObjectNode settings, HookEntry entry) {
    List<String> out = new ArrayList<>();
    List<JsonNode> mine = MatcherGroups.ours(settings, EVENT, ClaudeSettings::ours);
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
      if (!ConfigJson.contains(settings.path("httpHookAllowedEnvVars"), entry.tokenEnv())
          || !ConfigJson.contains(h.path("allowedEnvVars"), entry.tokenEnv())) {
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

  private static boolean allowed(JsonNode patterns, String url) {
    for (JsonNode p : patterns) {
      String regex = ("\\Q" + p.asText() + "\\E").replace("*", "\\E.*\\Q");
      if (Pattern.matches(regex, url)) {
        return true;
      }
    }
    return false;
  }
}
