package dev.countersign.server.agent;

import static java.util.Objects.requireNonNull;

import dev.countersign.model.Action;
import dev.countersign.model.Finding;
import dev.countersign.model.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Paths an agent's file changes are checked against. A match adds a finding to the analysis, and
 * policy decides what it means: the default pack denies {@value #GUARD_CONFIG} (the agent's own hook
 * settings: editing them can switch Countersign off) and sends {@value #PROTECTED_PATH} in
 * production to a senior.
 *
 * <p>Patterns are globs ({@code *} within a path segment, {@code **} across segments, {@code ?} one
 * character; a trailing {@code /} means everything below). A pattern matches at any directory
 * boundary of the path, so {@code migrations/**} matches {@code db/migrations/001.sql}.
 */
public final class ProtectedPaths {
  /** Finding code for a protected path (production infrastructure, CI, migrations). */
  public static final String PROTECTED_PATH = "protected-path";
  /** Finding code for the agent's own hook or guard configuration. */
  public static final String GUARD_CONFIG = "agent-guard-config";

  private static final String DEFAULTS =
      """
      # The agent's own guard configuration: an agent that edits it can switch Countersign off.
      .claude/settings*.json   agent-guard-config
      .claude/hooks/**         agent-guard-config
      .codex/**                agent-guard-config
      .gemini/settings*.json   agent-guard-config
      .gemini/hooks/**         agent-guard-config
      .cursor/hooks.json       agent-guard-config
      .cursor/hooks/**         agent-guard-config
      .github/hooks/**         agent-guard-config
      .github/copilot/settings*.json agent-guard-config
      .copilot/hooks/**        agent-guard-config
      .countersign/**          agent-guard-config
      # Delivery pipelines, production infrastructure and database schema.
      .github/workflows/**     protected-path
      .gitlab-ci.yml           protected-path
      infra/**                 protected-path
      terraform/**             protected-path
      migrations/**            protected-path
      """;

  /** One pattern and the finding code a match raises. */
  public record Rule(String pattern, String code) {
    public Rule {
      requireNonNull(pattern, "pattern");
      requireNonNull(code, "code");
    }
  }

  private final List<Rule> rules;
  private final List<Pattern> regexes;

  private ProtectedPaths(List<Rule> rules) {
    this.rules = List.copyOf(rules);
    this.regexes = rules.stream().map(r -> Globs.compile(r.pattern())).toList();
  }

  /** The built-in list (see the class comment and docs/agent-hooks.md). */
  public static ProtectedPaths defaults() {
    return parse(DEFAULTS, "built-in protected paths");
  }

  /**
   * Reads a list: one {@code PATTERN [CODE]} per line, {@code #} comments; CODE defaults to {@value
   * #PROTECTED_PATH}. Throws {@link IllegalArgumentException} naming {@code source} and the line.
   */
  public static ProtectedPaths parse(String text, String source) {
    List<Rule> rules = new ArrayList<>();
    String[] lines = text.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] parts = line.split("\\s+");
      if (parts.length > 2 || (parts.length == 2 && !parts[1].matches("[a-z][a-z0-9-]*"))) {
        throw new IllegalArgumentException(
            source + ":" + (i + 1) + ": expected 'PATTERN [finding-code]', got '" + line + "'");
      }
      rules.add(new Rule(parts[0], parts.length == 2 ? parts[1] : PROTECTED_PATH));
    }
    return new ProtectedPaths(rules);
  }

  /** The rules, in order. */
  public List<Rule> rules() {
    return rules;
  }

  /** The first rule that matches the path, if any. */
  public Optional<Rule> match(String path) {
    String p = FilePaths.normalize(path.replace('\\', '/'));
    List<String> suffixes = suffixes(p);
    for (int i = 0; i < rules.size(); i++) {
      Pattern regex = regexes.get(i);
      if (suffixes.stream().anyMatch(s -> regex.matcher(s).matches())) {
        return Optional.of(rules.get(i));
      }
    }
    return Optional.empty();
  }

  /** A finding for every mutating file action on a protected path. */
  public List<Finding> findings(List<Action> actions) {
    List<Finding> out = new ArrayList<>();
    for (Action a : actions) {
      if (!a.resourceType().equals("file") || !a.verb().mutating()) {
        continue;
      }
      match(a.address()).ifPresent(rule -> out.add(finding(rule, a.address())));
    }
    return out;
  }

  private static Finding finding(Rule rule, String address) {
    String what = rule.code().equals(GUARD_CONFIG)
        ? "is the agent's own hook configuration: changing it can switch Countersign off"
        : "is a protected path";
    return new Finding(
        Severity.HIGH, rule.code(), address + " " + what + " (pattern " + rule.pattern() + ")", address);
  }

  private static List<String> suffixes(String path) {
    List<String> out = new ArrayList<>();
    String rest = path.startsWith("/") ? path.substring(1) : path;
    while (true) {
      out.add(rest);
      int slash = rest.indexOf('/');
      if (slash < 0) {
        return out;
      }
      rest = rest.substring(slash + 1);
    }
  }
}
