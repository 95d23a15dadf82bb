package dev.countersign.analyze.git;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells whether a commit was made with an AI coding agent, and which, from what agents write:
 * {@code Co-Authored-By:} trailers naming an agent (Claude, Codex, Copilot, Cursor, aider, Gemini,
 * Kiro, Windsurf, Devin, …), {@code Assisted-by: AGENT:MODEL}, {@code AI-Agent:}-style trailers,
 * "Generated with …" and "Made with Cursor" body markers, an agent as author or committer, and a
 * git note under {@code refs/notes/ai}. The strings are those of {@code AGENT-PROTOCOLS.md} §8.
 *
 * <p>All of these can be removed or switched off, so they are evidence, not proof: a commit without
 * them is "no AI marker found", never "written by a human".
 */
final class Provenance {

  /** What was found for one commit: the first tool named, and every piece of evidence. */
  record Verdict(boolean aiAssisted, String tool, List<String> evidence) {

    Verdict {
      evidence = List.copyOf(evidence);
    }
  }

  /**
   * An agent: the addresses it commits with, and its name as a whole (so that a person called
   * Claude or Devin with their own address is not taken for an agent).
   */
  private record Agent(String tool, Pattern email, Pattern name) {}

  private static final List<Agent> AGENTS =
      List.of(
          agent("claude-code", "noreply@anthropic\\.com", "claude( [a-z0-9. -]+)?"),
          agent("codex", "noreply@openai\\.com", "codex|openai codex"),
          agent("aider", "@aider\\.dev", "aider( \\(.*\\))?"),
          agent("cursor", "@cursor\\.com", "cursor( agent)?"),
          agent("copilot", "\\+copilot@users\\.noreply\\.github\\.com", "(github )?copilot"),
          agent("gemini", "gemini-code-assist", "gemini( code assist| cli)?"),
          agent("kiro", "@kiro\\.dev", "kiro"),
          agent("windsurf", "@(windsurf|codeium)\\.com", "windsurf|codeium"),
          agent("devin", "devin-ai-integration", "devin( ai)?"),
          agent("amazon-q", "amazon-q", "amazon q( developer)?"),
          agent("jules", "jules@google\\.com", "jules"),
          agent("openhands", "openhands@all-hands\\.dev", "openhands"),
          agent("cline", "@cline\\.bot", "cline"));
  private static final Pattern ANY_AGENT =
      Pattern.compile(
          "\\b(claude|codex|aider|cursor|copilot|gemini|kiro|windsurf|codeium|devin|jules"
              + "|openhands|cline|amazon q)\\b",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern TRAILER =
      // Possessive and anchored on non-blanks: a lazy value before trailing blanks is quadratic
      // in the length of a line, and patch series come from API clients.
      Pattern.compile(
          "(?m)^[ \\t]*+([A-Za-z][A-Za-z0-9-]*+)[ \\t]*+:[ \\t]*+(\\S(?:.*\\S)?)[ \\t]*$");
  private static final Pattern BODY_MARKER =
      Pattern.compile(
          "(?im)^.*\\b(generated with \\[?(claude code|codex)\\]?|made with \\[?cursor\\]?"
              + "|generated (by|with) (github )?copilot).*$");
  private static final Set<String> AI_TRAILERS =
      Set.of(
          "assisted-by",
          "ai-agent",
          "ai-model",
          "ai-session",
          "ai-assisted",
          "generated-by",
          "made-with",
          "agent",
          "model");

  private Provenance() {}

  private static Agent agent(String tool, String email, String name) {
    return new Agent(
        tool,
        Pattern.compile(email, Pattern.CASE_INSENSITIVE),
        Pattern.compile("(" + name + ")(\\[bot\\])?", Pattern.CASE_INSENSITIVE));
  }

  /** The verdict for one commit. */
  static Verdict of(String author, String committer, String message, String note) {
    List<String> evidence = new ArrayList<>();
    List<String> tools = new ArrayList<>();
    Matcher m = TRAILER.matcher(message);
    while (m.find()) {
      String key = m.group(1).toLowerCase(Locale.ROOT);
      String value = m.group(2);
      String line = m.group(1) + ": " + value;
      if (key.equals("co-authored-by")) {
        agentOf(value).ifPresent(t -> found(evidence, tools, t, "trailer " + line));
      } else if (key.equals("assisted-by")) {
        String agent = value.split("[:\\s]", 2)[0].toLowerCase(Locale.ROOT);
        found(evidence, tools, toolIn(value).orElse(agent), "trailer " + line);
      } else if (AI_TRAILERS.contains(key)
          && (!key.equals("agent") && !key.equals("model") || toolIn(value).isPresent())) {
        found(evidence, tools, toolIn(value).orElse("unknown"), "trailer " + line);
      }
    }
    Matcher body = BODY_MARKER.matcher(message);
    while (body.find()) {
      found(
          evidence,
          tools,
          toolIn(body.group()).orElse("unknown"),
          "message says \"" + body.group().strip() + "\"");
    }
    agentPerson(author).ifPresent(t -> found(evidence, tools, t, "author " + author));
    agentPerson(committer).ifPresent(t -> found(evidence, tools, t, "committer " + committer));
    if (!note.isBlank()) {
      found(evidence, tools, toolIn(note).orElse("unknown"), "git note under refs/notes/ai");
    }
    String tool =
        tools.stream()
            .filter(t -> !t.equals("unknown"))
            .findFirst()
            .orElse(tools.isEmpty() ? "" : "unknown");
    return new Verdict(!evidence.isEmpty(), tool, evidence);
  }

  /** An agent as author or committer: by its address only (Copilot's, a bot's), or "(aider)". */
  private static Optional<String> agentPerson(String person) {
    if (person.toLowerCase(Locale.ROOT).contains("(aider)")) {
      return Optional.of("aider");
    }
    String email = person(person)[1];
    return AGENTS.stream()
        .filter(a -> a.email().matcher(email).find())
        .map(Agent::tool)
        .findFirst();
  }

  /**
   * The agent a {@code Name <email>} co-author is: by its address, or by a name that is only the
   * agent's when the address is a no-reply or bot address (a person called Claude is not an agent).
   */
  static Optional<String> agentOf(String person) {
    String[] p = person(person);
    String email = p[1].toLowerCase(Locale.ROOT);
    boolean botAddress =
        email.isEmpty()
            || email.contains("noreply")
            || email.contains("[bot]")
            || email.contains("bot@");
    for (Agent a : AGENTS) {
      if (a.email().matcher(email).find() || (botAddress && a.name().matcher(p[0]).matches())) {
        return Optional.of(a.tool());
      }
    }
    return Optional.empty();
  }

  /** The name and the address of {@code Name <email>}; the address is empty when there is none. */
  private static String[] person(String text) {
    // The first '<' with a '>' after it, as "^\\s*(.*?)\\s*<([^>]*)>" would find, without the
    // regular expression's quadratic backtracking on long blank runs.
    int lt = text.indexOf('<');
    int gt = lt < 0 ? -1 : text.indexOf('>', lt);
    return gt < 0
        ? new String[] {text.strip(), ""}
        : new String[] {text.substring(0, lt).strip(), text.substring(lt + 1, gt)};
  }

  /** The agent a free text mentions (a note, an Assisted-by value, a body marker), if any. */
  static Optional<String> toolIn(String text) {
    Matcher m = ANY_AGENT.matcher(text);
    if (!m.find()) {
      return Optional.empty();
    }
    String word = m.group(1).toLowerCase(Locale.ROOT);
    return Optional.of(
        switch (word) {
          case "claude" -> "claude-code";
          case "codeium" -> "windsurf";
          case "amazon q" -> "amazon-q";
          default -> word;
        });
  }

  private static void found(List<String> evidence, List<String> tools, String tool, String what) {
    tools.add(tool);
    evidence.add(what);
  }
}
