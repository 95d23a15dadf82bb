package dev.countersign.server.agent;

import static java.util.Objects.requireNonNull;

import dev.countersign.model.Names;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Server-side rules that narrow an agent's target by its working directory ({@code countersign serve
 * --workdir-rules FILE}), one rule per line, the first match wins:
 *
 * <pre>
 * # WORKDIR-GLOB                 environment=ENV  service=S ...
 * /srv/agents/shop-staging/**    environment=staging service=web
 * /home/*&#47;src/payments/**       service=payments-api
 * </pre>
 *
 * <p>The working directory comes from the agent's own request, so a rule can only narrow the token's
 * scope, never widen it: a token scoped to production used from a checkout that a rule maps to
 * staging gets a refusal, not staging.
 */
public final class WorkdirRules {
  private static final WorkdirRules NONE = new WorkdirRules(List.of());

  /** One rule: the glob over working directories and what it narrows to. */
  public record Rule(String glob, Narrowing narrowing) {
    public Rule {
      requireNonNull(glob, "glob");
      requireNonNull(narrowing, "narrowing");
    }
  }

  private final List<Rule> rules;
  private final List<Pattern> patterns;

  private WorkdirRules(List<Rule> rules) {
    this.rules = List.copyOf(rules);
    this.patterns = rules.stream().map(r -> Globs.compile(r.glob())).toList();
  }

  /** No rules: the token's scope (and the request) alone give the target. */
  public static WorkdirRules none() {
    return NONE;
  }

  /** Reads rules; an {@link IllegalArgumentException} naming {@code source}, line and problem. */
  public static WorkdirRules parse(String text, String source) {
    List<Rule> rules = new ArrayList<>();
    String[] lines = text.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String where = source + ":" + (i + 1) + ": ";
      String[] parts = line.split("\\s+");
      if (!parts[0].startsWith("/")) {
        throw new IllegalArgumentException(where + "a rule starts with an absolute working-directory glob, got '" + parts[0] + "'");
      }
      Optional<String> environment = Optional.empty();
      List<String> services = new ArrayList<>();
      for (int p = 1; p < parts.length; p++) {
        String[] kv = parts[p].split("=", 2);
        if (kv.length != 2 || !Names.valid(kv[1])) {
          throw new IllegalArgumentException(where + "expected environment=NAME or service=NAME, got '" + parts[p] + "'");
        }
        switch (kv[0]) {
          case "environment" -> {
            if (environment.isPresent()) {
              throw new IllegalArgumentException(where + "a rule names one environment at most");
            }
            environment = Optional.of(kv[1]);
          }
          case "service" -> services.add(kv[1]);
          default -> throw new IllegalArgumentException(where + "unknown key '" + kv[0] + "' (environment or service)");
        }
      }
      if (environment.isEmpty() && services.isEmpty()) {
        throw new IllegalArgumentException(where + "a rule must narrow something: add environment=NAME or service=NAME");
      }
      rules.add(new Rule(parts[0], new Narrowing(environment, services,
          "the server's working-directory rule " + parts[0] + " (" + source + ":" + (i + 1) + ")")));
    }
    return new WorkdirRules(rules);
  }

  /** The rules, in order. */
  public List<Rule> rules() {
    return rules;
  }

  /** What the first rule matching {@code cwd} narrows to; empty when none matches or cwd is unknown. */
  public Optional<Narrowing> narrowingFor(String cwd) {
    if (cwd.isEmpty()) {
      return Optional.empty();
    }
    String dir = FilePaths.normalize(cwd.replace('\\', '/'));
    String bare = dir.startsWith("/") ? dir.substring(1) : dir;
    for (int i = 0; i < rules.size(); i++) {
      Pattern p = patterns.get(i);
      // "/srv/shop/**" covers /srv/shop itself too
      if (p.matcher(bare).matches() || p.matcher(bare + "/").matches()) {
        return Optional.of(rules.get(i).narrowing());
      }
    }
    return Optional.empty();
  }
}
