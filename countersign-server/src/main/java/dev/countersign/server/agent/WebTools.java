package dev.countersign.server.agent;

import dev.countersign.model.Action;
import dev.countersign.model.Verb;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The read-only web tools: {@code WebFetch} (a read of resource type {@code url}) and {@code
 * WebSearch} (a read of resource type {@code web-search}). Claude Code's WebFetch names its {@code
 * url}; Gemini CLI's {@code web_fetch} has only a {@code prompt} with up to 20 URLs in its text, so
 * each http(s) URL in the prompt is read.
 */
final class WebTools {
  private static final Pattern URL = Pattern.compile("https?://[^\\s<>\"'`]+", Pattern.CASE_INSENSITIVE);
  private static final int MAX_ADDRESS = 500;

  private WebTools() {}

  /** The reads of a WebFetch or WebSearch call; a {@link ToolCallException} when it names no target. */
  static List<Action> actions(ToolCall call) {
    String tool = call.toolName();
    String hash = Inputs.hash(Inputs.effective(call.input()));
    if (tool.equals("WebSearch")) {
      String query = Inputs.text(call.input(), "query", tool);
      return List.of(read("web-search", query, tool, hash));
    }
    Optional<String> url = Inputs.optionalText(call.input(), "url", tool);
    if (url.isPresent()) {
      return List.of(read("url", url.get(), tool, hash));
    }
    Optional<String> prompt = Inputs.optionalText(call.input(), "prompt", tool);
    Set<String> urls = new LinkedHashSet<>();
    prompt.ifPresent(p -> urls.addAll(urls(p)));
    if (urls.isEmpty()) {
      throw new ToolCallException("the " + tool + " call names no http(s) URL in 'url' or 'prompt', so Countersign cannot tell what it fetches");
    }
    return urls.stream().map(u -> read("url", u, tool, hash)).toList();
  }

  private static List<String> urls(String text) {
    List<String> out = new ArrayList<>();
    Matcher m = URL.matcher(text);
    while (m.find()) {
      out.add(m.group().replaceAll("[.,;:!?)\\]}]+$", ""));
    }
    return out;
  }

  private static Action read(String type, String target, String tool, String hash) {
    return new Action(Verb.READ, type, Inputs.abbreviate(target, MAX_ADDRESS), "", false, tool + " reads from the web", hash);
  }
}
