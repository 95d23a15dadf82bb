package dev.countersign.config.policy;

import dev.countersign.config.yaml.ConfigException;
import dev.countersign.config.yaml.SafeYaml;
import dev.countersign.config.yaml.YamlMapping;
import dev.countersign.config.yaml.YamlNode;
import dev.countersign.policy.ApprovalGroup;
import dev.countersign.policy.Effect;
import dev.countersign.policy.Enforcement;
import dev.countersign.policy.PolicyException;
import dev.countersign.policy.Rule;
import dev.countersign.policy.SourcePosition;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one policy file, {@code {rules: [{name, description, match, effect, enforcement, message,
 * requires: [{approvals, eligible, description}]}]}}, into rules. Every problem is a {@link
 * PolicyException} whose message starts with {@code FILE:LINE:COL:}.
 */
public final class PolicyYaml {
  private static final String[] RULE_FIELDS = {
    "name", "description", "match", "effect", "enforcement", "message", "requires"
  };

  private PolicyYaml() {}

  /** Parses policy-file text; {@code source} names the file in errors. A file of only comments has no rules. */
  public static List<Rule> parse(String text, String source) {
    try {
      List<YamlNode> docs = SafeYaml.config().parseAll(text, source);
      if (docs.isEmpty()) {
        return List.of();
      }
      if (docs.size() > 1) {
        throw docs.get(1).error("expected one YAML document, found a second one");
      }
      YamlMapping root = docs.get(0).asMapping().allowOnly("rules");
      ExpressionReader expressions = new ExpressionReader(text);
      List<Rule> rules = new ArrayList<>();
      for (YamlMapping m : root.mappings("rules")) {
        rules.add(rule(m, expressions));
      }
      return List.copyOf(rules);
    } catch (ConfigException e) {
      throw new PolicyException(e.getMessage(), e);
    }
  }

  private static Rule rule(YamlMapping m, ExpressionReader expressions) {
    m.allowOnly(RULE_FIELDS);
    String name = m.string("name");
    Effect effect = m.enumValue("effect", Effect.class, "effect");
    List<ApprovalGroup> groups = new ArrayList<>();
    if (effect == Effect.REQUIRE) {
      List<YamlMapping> requires = m.mappings("requires");
      if (requires.isEmpty()) {
        throw m.required("requires").error("a require rule needs at least one approval group");
      }
      for (YamlMapping g : requires) {
        groups.add(group(g, expressions));
      }
    } else if (m.has("requires")) {
      throw m.required("requires").error("only rules with effect 'require' take 'requires'");
    }
    return new Rule(
        name,
        m.string("description"),
        expressions.read(m.required("match")),
        effect,
        m.enumValue("enforcement", Enforcement.class, "enforcement"),
        m.string("message"),
        groups,
        new SourcePosition(m.origin().source(), Math.max(1, m.origin().line()), Math.max(1, m.origin().column())));
  }

  private static ApprovalGroup group(YamlMapping g, ExpressionReader expressions) {
    g.allowOnly("approvals", "eligible", "description");
    int approvals = g.integer("approvals");
    if (approvals < 1 || approvals > 100) {
      throw g.required("approvals").error("approvals must be between 1 and 100, not " + approvals);
    }
    return new ApprovalGroup(approvals, expressions.read(g.required("eligible")), g.string("description"));
  }
}
