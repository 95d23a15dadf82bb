package dev.countersign.policy;

import static dev.countersign.policy.Fixtures.group;
import static dev.countersign.policy.Fixtures.rule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class PolicyCompilerTest {
  private final PolicyCompiler compiler = PolicyCompilerFactory.create();

  private static Rule at(String name, String match, int line, int column) {
    return new Rule(name, "d", RuleExpression.of(match, new SourcePosition("p/prod.yaml", line, column)),
        Effect.DENY, Enforcement.HARD, "m", List.of(), new SourcePosition("p/prod.yaml", line - 1, 5));
  }

  @Test
  void misspeltField_isAnErrorAtFileLineAndColumn() {
    // "change.enviroment" — the bad field starts at expression column 6 (0-based), so 12 + 6 = 18.
    PolicySet set = PolicySet.of(List.of(at("typo", "change.enviroment == 'production'", 7, 12)));

    assertThatThrownBy(() -> compiler.compile(set))
        .isInstanceOf(PolicyException.class)
        .hasMessageStartingWith("p/prod.yaml:7:18: rule 'typo' match: ")
        .hasMessageContaining("undefined field 'enviroment'");
  }

  @Test
  void undeclaredVariable_isAnError() {
    PolicySet set = PolicySet.of(List.of(at("approver-in-match", "approver.rank > 2", 3, 12)));

    assertThatThrownBy(() -> compiler.compile(set))
        .isInstanceOf(PolicyException.class)
        .hasMessageStartingWith("p/prod.yaml:3:12: rule 'approver-in-match' match: ")
        .hasMessageContaining("undeclared reference to 'approver'");
  }

  @Test
  void nonBooleanMatch_isATypeError() {
    PolicySet set = PolicySet.of(List.of(at("not-bool", "change.environment", 4, 12)));

    assertThatThrownBy(() -> compiler.compile(set))
        .hasMessageContaining("p/prod.yaml:4:")
        .hasMessageContaining("expected type 'bool'");
  }

  @Test
  void wrongTypeComparison_isATypeError() {
    PolicySet set = PolicySet.of(List.of(at("int-vs-bool", "change.aiAssisted == 1", 4, 12)));

    assertThatThrownBy(() -> compiler.compile(set)).hasMessageContaining("no matching overload");
  }

  @Test
  void syntaxError_pointsIntoTheExpression() {
    PolicySet set = PolicySet.of(List.of(at("syntax", "change.byAgent &&", 9, 12)));

    assertThatThrownBy(() -> compiler.compile(set))
        .isInstanceOf(PolicyException.class)
        .hasMessageStartingWith("p/prod.yaml:9:");
  }

  @Test
  void errorOnSecondLineOfABlockExpression_usesTheBlockIndentation() {
    // A YAML block scalar whose content starts on line 20 at column 7; the error is on its line 2.
    RuleExpression expr = new RuleExpression(
        "change.byAgent\n  && analysis.dataLos", new SourcePosition("p/x.yaml", 20, 7), 7);
    Rule r = new Rule("block", "d", expr, Effect.DENY, Enforcement.HARD, "m", List.of(),
        new SourcePosition("p/x.yaml", 18, 5));

    // "analysis.dataLos": the select's column is at the '.', 0-based 13 on line 2 → 7 + 13 = 20.
    assertThatThrownBy(() -> compiler.compile(PolicySet.of(List.of(r))))
        .hasMessageStartingWith("p/x.yaml:21:20: rule 'block' match: ")
        .hasMessageContaining("undefined field 'dataLos'");
  }

  @Test
  void everyBadExpression_isListed() {
    Rule ok = rule("ok", "true", Effect.ALLOW, Enforcement.HARD);
    Rule bad1 = at("bad-one", "nope", 2, 3);
    Rule bad2 = rule("bad-two", "true", Effect.REQUIRE, Enforcement.HARD, group(1, "approver.rnk > 1", "x"));

    assertThatThrownBy(() -> compiler.compile(PolicySet.of(List.of(ok, bad1, bad2))))
        .hasMessageContaining("rule 'bad-one' match")
        .hasMessageContaining("rule 'bad-two' requires[0].eligible")
        .hasMessageContaining("undefined field 'rnk'");
  }

  @Test
  void eligibleExpression_seesTheApprover() {
    Rule r = rule("r", "true", Effect.REQUIRE, Enforcement.HARD,
        group(1, "approver.rank >= levels.senior && !(approver.id in [author.id, agent.sponsor])", "x"));

    assertThat(compiler.compile(PolicySet.of(List.of(r))).digest()).startsWith("sha256:");
  }

  @Test
  void sameDigest_reusesTheCompiledPrograms() {
    PolicySet a = PolicySet.of(List.of(rule("r", "change.byAgent", Effect.DENY, Enforcement.HARD)));
    PolicySet b = PolicySet.of(List.of(at("r", "change.byAgent", 40, 2)));

    CompiledPolicy first = compiler.compile(a);
    CompiledPolicy second = compiler.compile(b);

    assertThat(a.digest()).isNotEqualTo(b.digest()); // descriptions and messages differ
    PolicySet c = PolicySet.of(List.of(rule("r", "change.byAgent", Effect.DENY, Enforcement.HARD)));
    assertThat(compiler.compile(c).compiledRules()).isSameAs(first.compiledRules());
    assertThat(second.compiledRules()).isNotSameAs(first.compiledRules());
  }

  @Test
  void digest_ignoresPositionsButNotText() {
    Rule here = new Rule("r", "d", RuleExpression.of("true", new SourcePosition("a.yaml", 1, 1)),
        Effect.ALLOW, Enforcement.HARD, "m", List.of(), new SourcePosition("a.yaml", 1, 1));
    Rule there = new Rule("r", "d", RuleExpression.of("true", new SourcePosition("b.yaml", 9, 9)),
        Effect.ALLOW, Enforcement.HARD, "m", List.of(), new SourcePosition("b.yaml", 8, 1));
    Rule other = new Rule("r", "d", RuleExpression.of("false", new SourcePosition("a.yaml", 1, 1)),
        Effect.ALLOW, Enforcement.HARD, "m", List.of(), new SourcePosition("a.yaml", 1, 1));

    assertThat(PolicySet.of(List.of(here)).digest()).isEqualTo(PolicySet.of(List.of(there)).digest());
    assertThat(PolicySet.of(List.of(here)).digest()).isNotEqualTo(PolicySet.of(List.of(other)).digest());
  }

  @Test
  void duplicateRuleNames_areRefusedWithBothPositions() {
    Rule a = at("same", "true", 3, 12);
    Rule b = at("same", "false", 9, 12);

    assertThatThrownBy(() -> PolicySet.of(List.of(a, b)))
        .isInstanceOf(PolicyException.class)
        .hasMessage("p/prod.yaml:8:5: duplicate rule name 'same' (first defined at p/prod.yaml:2:5)");
  }

  @Test
  void builtInRuleName_isReserved() {
    assertThatThrownBy(() -> rule(Rule.AGENT_LEAST_PRIVILEGE, "true", Effect.DENY, Enforcement.HARD))
        .isInstanceOf(PolicyException.class)
        .hasMessageContaining("reserved");
  }

  @Test
  void requireRuleWithoutGroups_isRefused() {
    assertThatThrownBy(() -> rule("r", "true", Effect.REQUIRE, Enforcement.HARD))
        .isInstanceOf(PolicyException.class)
        .hasMessageContaining("no 'requires'");
  }
}
