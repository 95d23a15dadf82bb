package dev.countersign.server.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The protected-path list: globs that match at any directory boundary. */
class ProtectedPathsTest {
  private static final ProtectedPaths DEFAULTS = ProtectedPaths.defaults();

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    ".claude/settings.json, agent-guard-config",
    ".claude/settings.local.json, agent-guard-config",
    "/home/dev/.claude/settings.json, agent-guard-config",
    ".codex/hooks.json, agent-guard-config",
    ".gemini/settings.json, agent-guard-config",
    "/home/dev/.gemini/settings.json, agent-guard-config",
    ".cursor/hooks.json, agent-guard-config",
    ".cursor/hooks/guard.sh, agent-guard-config",
    ".github/hooks/countersign.json, agent-guard-config",
    ".github/copilot/settings.local.json, agent-guard-config",
    "/home/dev/.copilot/hooks/x.json, agent-guard-config",
    ".github/workflows/deploy.yml, protected-path",
    "services/pay/infra/prod/main.tf, protected-path",
    "db/migrations/001_init.sql, protected-path",
    "./terraform/../migrations/x.sql, protected-path",
  })
  void protectedPaths_match(String path, String code) {
    assertThat(DEFAULTS.match(path)).map(ProtectedPaths.Rule::code).contains(code);
  }

  @ParameterizedTest
  @CsvSource({"src/app.py", ".claude/agents/reviewer.md", "infrastructure.md", "docs/migrations.md", ".cursor/rules/style.mdc",
    ".gemini/GEMINI.md", ".github/CODEOWNERS"})
  void ordinaryPaths_doNotMatch(String path) {
    assertThat(DEFAULTS.match(path)).isEmpty();
  }

  @Test
  void customList_readsPatternsWithOptionalCodes() {
    ProtectedPaths p = ProtectedPaths.parse("# mine\nprod/   \nsecrets/*.env  agent-guard-config\n", "test");

    assertThat(p.match("x/prod/a/b")).map(ProtectedPaths.Rule::code).contains("protected-path");
    assertThat(p.match("secrets/db.env")).map(ProtectedPaths.Rule::code).contains("agent-guard-config");
    assertThat(p.match("secrets/deep/db.env")).isEmpty();
  }

  @Test
  void malformedLine_namesTheSourceAndLine() {
    assertThatThrownBy(() -> ProtectedPaths.parse("ok/\nbad line here\n", "paths.txt"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("paths.txt:2");
  }
}
