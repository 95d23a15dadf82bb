package dev.countersign.config.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code countersign policy test}: exit 0 all pass, 1 a test failed, 2 a bad file. */
class PolicyTestRunnerTest {
  @TempDir Path dir;

  private static final String ORG = """
      org:
        humans:
          - {id: ana, level: junior, teams: [payments]}
          - {id: sam, level: senior, teams: [payments]}
      """;

  private static String test(String expect) {
    return ORG + """
        tests:
          - name: prod change
            now: 2026-05-01T10:00:00Z
            change: {environment: production, aiAssisted: true}
            author: ana
            analysis: {actions: [{verb: update, address: x.y}]}
            expect: %s
        """.formatted(expect);
  }

  @BeforeEach
  void policy() throws IOException {
    Files.writeString(dir.resolve("rules.yaml"), """
        rules:
          - name: need-senior
            description: d
            match: change.environment == 'production'
            effect: require
            enforcement: hard
            message: production needs a senior
            requires: [{approvals: 1, eligible: approver.rank >= levels.senior, description: a senior}]
        """);
  }

  @Test
  void passingTests_exitZero() throws IOException {
    Files.writeString(dir.resolve("a_test.yaml"),
        test("{decision: needs_approval, matched: [need-senior], outstanding: 1}"));

    PolicyTestReport report = PolicyTestRunner.create().run(dir, Optional.empty());

    assertThat(report.exitCode()).as(report.render()).isZero();
    assertThat(report.render()).contains("PASS").endsWith("1 passed, 0 failed\n");
  }

  @Test
  void failingTest_exitsOneWithAReadableDiff() throws IOException {
    Files.writeString(dir.resolve("a_test.yaml"),
        test("{decision: allow, notMatched: [need-senior], outstanding: 0}"));

    PolicyTestReport report = PolicyTestRunner.create().run(dir, Optional.empty());

    assertThat(report.exitCode()).isEqualTo(1);
    assertThat(report.results()).singleElement().satisfies(r -> assertThat(r.failures()).containsExactly(
        "decision: expected allow, got needs_approval",
        "notMatched: expected 'need-senior' not to match, but it did",
        "outstanding: expected 0 missing approvals, got 1"));
    assertThat(report.render()).contains("FAIL", "got: needs_approval", "needs 1 more approval from a senior");
  }

  @Test
  void expectationNamingAnUnknownRule_fails() throws IOException {
    Files.writeString(dir.resolve("a_test.yaml"), test("{decision: needs_approval, notMatched: [need-seniorr]}"));

    PolicyTestReport report = PolicyTestRunner.create().run(dir, Optional.empty());

    assertThat(report.results().get(0).failures()).containsExactly(
        "expect.notMatched names rule 'need-seniorr', which is not in the policy");
  }

  @Test
  void badTestFile_exitsTwoWithItsPosition() throws IOException {
    Files.writeString(dir.resolve("a_test.yaml"), test("{decision: maybe}"));

    PolicyTestReport report = PolicyTestRunner.create().run(dir, Optional.empty());

    assertThat(report.exitCode()).isEqualTo(2);
    assertThat(report.errors()).singleElement().asString()
        .startsWith(dir.resolve("a_test.yaml") + ":11:24:")
        .contains("unknown decision 'maybe'");
  }

  @Test
  void errorInTheInlineOrg_pointsIntoTheTestFile() throws IOException {
    Files.writeString(dir.resolve("a_test.yaml"), test("{decision: allow}").replace("level: senior", "level: boss"));

    PolicyTestReport report = PolicyTestRunner.create().run(dir, Optional.empty());

    assertThat(report.exitCode()).isEqualTo(2);
    assertThat(report.errors()).singleElement().asString()
        .startsWith(dir.resolve("a_test.yaml") + ":4:")
        .contains("boss");
  }

  @Test
  void orgFile_isUsedWhenTheTestHasNoInlineOrg() throws IOException {
    Path org = dir.resolve("org").resolve("org.yaml");
    Files.createDirectories(org.getParent());
    Files.writeString(org, ORG.replace("org:\n", "").replace("\n  ", "\n").strip() + "\n");
    Files.writeString(dir.resolve("a_test.yaml"), test("{decision: needs_approval}").replace(ORG, ""));

    assertThat(PolicyTestRunner.create().run(dir, Optional.of(org)).exitCode()).isZero();
    assertThat(PolicyTestRunner.create().run(dir, Optional.empty()).exitCode()).isEqualTo(2);
  }

  @Test
  void policyThatDoesNotCompile_exitsTwo() throws IOException {
    Files.writeString(dir.resolve("rules.yaml"), Files.readString(dir.resolve("rules.yaml")).replace("rank", "rnak"));
    Files.writeString(dir.resolve("a_test.yaml"), test("{decision: allow}"));

    PolicyTestReport report = PolicyTestRunner.create().run(dir, Optional.empty());

    assertThat(report.exitCode()).isEqualTo(2);
    assertThat(report.errors()).singleElement().asString().contains("rules.yaml:8:").contains("rnak");
  }

  @Test
  void directoryWithoutTests_exitsTwo() {
    assertThat(PolicyTestRunner.create().run(dir, Optional.empty()).errors()).singleElement().asString()
        .contains("no policy tests");
  }
}
