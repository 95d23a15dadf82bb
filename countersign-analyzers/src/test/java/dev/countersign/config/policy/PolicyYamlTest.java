package dev.countersign.config.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.countersign.policy.Effect;
import dev.countersign.policy.Enforcement;
import dev.countersign.policy.PolicyCompilerFactory;
import dev.countersign.policy.PolicyException;
import dev.countersign.policy.PolicySet;
import dev.countersign.policy.Rule;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Policy files: their format, and errors that point at file, line and column. */
class PolicyYamlTest {

  private static void compile(String text) {
    PolicyCompilerFactory.create().compile(PolicySet.of(PolicyYaml.parse(text, "p.yaml")));
  }

  @Test
  void ruleFile_isReadIntoRules() {
    List<Rule> rules = PolicyYaml.parse("""
        rules:
          - name: need-senior
            description: d
            match: change.environment == 'production'
            effect: require
            enforcement: hard
            message: m
            requires:
              - {approvals: 2, eligible: approver.rank >= levels.senior, description: two seniors}
        """, "p.yaml");

    assertThat(rules).singleElement().satisfies(r -> {
      assertThat(r.effect()).isEqualTo(Effect.REQUIRE);
      assertThat(r.enforcement()).isEqualTo(Enforcement.HARD);
      assertThat(r.requires()).singleElement().satisfies(g -> assertThat(g.approvals()).isEqualTo(2));
      assertThat(r.position().toString()).isEqualTo("p.yaml:2:5");
      assertThat(r.match().start().toString()).isEqualTo("p.yaml:4:12");
    });
  }

  @Test
  void celErrorInAPlainScalar_pointsAtTheCharacter() {
    String text = """
        rules:
          - name: typo
            description: d
            match: change.byAgent && change.enviroment == 'prod'
            effect: deny
            enforcement: hard
            message: m
        """;
    // 'match: ' value starts at column 12; the bad select is at expression column 24 (0-based).
    assertThatThrownBy(() -> compile(text))
        .isInstanceOf(PolicyException.class)
        .hasMessageStartingWith("p.yaml:4:36: rule 'typo' match: ")
        .hasMessageContaining("undefined field 'enviroment'");
  }

  @Test
  void celErrorInAQuotedScalar_skipsTheQuote() {
    String text = "rules:\n  - name: q\n    description: d\n    match: \"!change.byAgnt\"\n"
        + "    effect: deny\n    enforcement: hard\n    message: m\n";
    // value text starts at column 13 (after the quote); the select '.' is at 0-based column 7.
    assertThatThrownBy(() -> compile(text)).hasMessageStartingWith("p.yaml:4:20: rule 'q' match: ");
  }

  @Test
  void celErrorInABlockScalar_pointsAtTheLineAndColumnInTheFile() {
    String text = """
        rules:
          - name: block
            description: d
            match: |
              change.byAgent
                && analysis.dataLos
            effect: deny
            enforcement: hard
            message: m
        """;
    // line 6 of the file; content indented 6, the '.' of '.dataLos' at 0-based column 13 → 20.
    assertThatThrownBy(() -> compile(text)).hasMessageStartingWith("p.yaml:6:20: rule 'block' match: ");
  }

  @Test
  void unknownField_isAnErrorAtTheField() {
    assertThatThrownBy(() -> PolicyYaml.parse("""
        rules:
          - name: r
            descripton: d
        """, "p.yaml"))
        .isInstanceOf(PolicyException.class)
        .hasMessageStartingWith("p.yaml:3:5: ")
        .hasMessageContaining("unknown field 'descripton'");
  }

  @Test
  void missingField_isAnErrorNamingIt() {
    assertThatThrownBy(() -> PolicyYaml.parse("""
        rules:
          - name: r
            description: d
            match: "true"
            effect: deny
            message: m
        """, "p.yaml"))
        .isInstanceOf(PolicyException.class)
        .hasMessageStartingWith("p.yaml:2:")
        .hasMessageContaining("enforcement")
        .hasMessageContaining("missing");
  }

  @Test
  void badEnum_listsTheChoices() {
    assertThatThrownBy(() -> PolicyYaml.parse("""
        rules:
          - name: r
            description: d
            match: "true"
            effect: block
            enforcement: hard
            message: m
        """, "p.yaml"))
        .hasMessageStartingWith("p.yaml:5:13: ")
        .hasMessageContaining("unknown effect 'block' (expected one of allow, deny, require)");
  }

  @Test
  void requiresOnADenyRule_isRefused() {
    assertThatThrownBy(() -> PolicyYaml.parse("""
        rules:
          - name: r
            description: d
            match: "true"
            effect: deny
            enforcement: hard
            message: m
            requires: [{approvals: 1, eligible: "true", description: x}]
        """, "p.yaml"))
        .hasMessageStartingWith("p.yaml:8:")
        .hasMessageContaining("only rules with effect 'require'");
  }

  @Test
  void requireRuleWithoutGroups_isRefused() {
    assertThatThrownBy(() -> PolicyYaml.parse("""
        rules:
          - name: r
            description: d
            match: "true"
            effect: require
            enforcement: hard
            message: m
        """, "p.yaml"))
        .hasMessageStartingWith("p.yaml:2:5: ")
        .hasMessageContaining("requires");
  }

  @Test
  void zeroApprovals_isRefused() {
    assertThatThrownBy(() -> PolicyYaml.parse("""
        rules:
          - name: r
            description: d
            match: "true"
            effect: require
            enforcement: hard
            message: m
            requires: [{approvals: 0, eligible: "true", description: x}]
        """, "p.yaml"))
        .hasMessageContaining("approvals must be between 1 and 100");
  }

  @Test
  void nonKebabName_isRefused() {
    assertThatThrownBy(() -> PolicyYaml.parse("""
        rules:
          - {name: Bad Name, description: d, match: "true", effect: allow, enforcement: hard, message: m}
        """, "p.yaml"))
        .hasMessageStartingWith("p.yaml:2:")
        .hasMessageContaining("kebab-case");
  }

  @Test
  void fileOfOnlyComments_hasNoRules() {
    assertThat(PolicyYaml.parse("# nothing here\n", "p.yaml")).isEmpty();
  }

  @Test
  void calendar_readsWindowsAndRefusesBackwardsOnes() {
    assertThat(CalendarYaml.parse("""
        freezes:
          - {name: xmas, start: 2026-12-20T00:00:00Z, end: 2027-01-02T00:00:00Z}
        """, "calendar.yaml")).singleElement().satisfies(w -> assertThat(w.name()).isEqualTo("xmas"));
    assertThat(CalendarYaml.parse("# none\n", "calendar.yaml")).isEmpty();
    assertThatThrownBy(() -> CalendarYaml.parse("""
        freezes:
          - {name: oops, start: 2027-01-02T00:00:00Z, end: 2026-12-20T00:00:00Z}
        """, "calendar.yaml"))
        .isInstanceOf(PolicyException.class)
        .hasMessageStartingWith("calendar.yaml:2:")
        .hasMessageContaining("ends before it starts");
  }
}
