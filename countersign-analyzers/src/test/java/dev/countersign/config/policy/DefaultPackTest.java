package dev.countersign.config.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.policy.Rule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The shipped default pack loads, and every one of its policy tests passes. */
class DefaultPackTest {
  static final Path DEFAULT_PACK = Path.of("..", "policies", "default");

  @Test
  void defaultPack_loadsEveryRuleInFileOrderAndNoActiveFreeze() {
    LoadedPolicy loaded = PolicyLoader.create().load(DEFAULT_PACK);

    assertThat(loaded.policy().policySet().rules())
        .extracting(Rule::name)
        .containsExactly(
            "no-agent-data-loss-in-production",
            "no-agent-recreate-environment",
            "ai-assisted-production-needs-senior",
            "destructive-production-needs-two-seniors",
            "recreate-environment-by-human",
            "wide-blast-radius",
            "production-freeze",
            "low-risk-passes",
            "opaque-agent-command-in-production-needs-human",
            "no-agent-edits-to-its-guard-config",
            "agent-protected-path-in-production-needs-human");
    assertThat(loaded.freezes()).isEmpty();
    assertThat(loaded.digest()).startsWith("sha256:");
  }

  @Test
  void defaultPack_policyTestsAllPass() {
    assertThat(Files.isDirectory(DEFAULT_PACK)).as("default pack at %s", DEFAULT_PACK.toAbsolutePath()).isTrue();

    PolicyTestReport report = PolicyTestRunner.create().run(DEFAULT_PACK, Optional.empty());

    System.out.print(report.render());
    assertThat(report.errors()).as(report.render()).isEmpty();
    assertThat(report.results()).hasSizeGreaterThanOrEqualTo(40);
    assertThat(report.failedCount()).as(report.render()).isZero();
    assertThat(report.exitCode()).isZero();
  }
}
