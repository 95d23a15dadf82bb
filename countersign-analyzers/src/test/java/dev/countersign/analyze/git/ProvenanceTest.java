package dev.countersign.analyze.git;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The AI markers of AGENT-PROTOCOLS.md §8, and people who merely share a name with an agent. */
class ProvenanceTest {

  private static final String HUMAN = "Mia Park <mia@example.com>";

  static Stream<Arguments> markers() {
    return Stream.of(
        Arguments.of("x\n\nCo-Authored-By: Claude Opus 5.5 <noreply@anthropic.com>", "claude-code"),
        Arguments.of("x\n\nCo-Authored-By: Claude <noreply@anthropic.com>", "claude-code"),
        Arguments.of("x\n\nco-authored-by: Codex <noreply@openai.com>", "codex"),
        Arguments.of(
            "x\n\nCo-authored-by: aider (vertex_ai/gemini-2.5-pro) <noreply@aider.dev>", "aider"),
        Arguments.of("x\n\nCo-authored-by: Cursor Agent <cursoragent@cursor.com>", "cursor"),
        Arguments.of(
            "x\n\nCo-authored-by: Copilot <223556219+Copilot@users.noreply.github.com>", "copilot"),
        Arguments.of(
            "x\n\nCo-authored-by: Copilot <175728472+Copilot@users.noreply.github.com>", "copilot"),
        Arguments.of("x\n\nAssisted-by: Claude:claude-3-opus coccinelle sparse", "claude-code"),
        Arguments.of("x\n\nAssisted-by: Kiro:auto", "kiro"),
        Arguments.of("x\n\nAI-Agent: cursor", "cursor"),
        Arguments.of("x\n\nMade-with: Cursor", "cursor"),
        Arguments.of(
            "x\n\n🤖 Generated with [Claude Code](https://claude.com/claude-code)", "claude-code"),
        Arguments.of(
            "x\n\nCo-authored-by: Gemini <gemini-code-assist[bot]@users.noreply.github.com>",
            "gemini"),
        Arguments.of("x\n\nCo-authored-by: Windsurf <noreply@windsurf.com>", "windsurf"),
        Arguments.of(
            "x\n\n"
                + "Co-authored-by: Devin AI"
                + " <158243242+devin-ai-integration[bot]@users.noreply.github.com>",
            "devin"));
  }

  @ParameterizedTest
  @MethodSource("markers")
  void agentMarker_makesTheCommitAiAssisted(String message, String tool) {
    Provenance.Verdict v = Provenance.of(HUMAN, HUMAN, message, "");
    assertThat(v.aiAssisted()).isTrue();
    assertThat(v.tool()).isEqualTo(tool);
    assertThat(v.evidence()).isNotEmpty();
  }

  @ParameterizedTest
  @MethodSource("people")
  void humanCoAuthorNamedLikeAnAgent_isNotAnAgent(String message) {
    assertThat(Provenance.of(HUMAN, HUMAN, message, "").aiAssisted()).isFalse();
  }

  static Stream<String> people() {
    return Stream.of(
        "x\n\nCo-authored-by: Claude Monet <claude@monet.fr>",
        "x\n\nCo-authored-by: Devin Smith <devin@example.com>",
        "x\n\nCo-authored-by: Jane Doe <jane@example.com>",
        "fix the cursor position in the editor",
        "x\n\nSigned-off-by: Mia Park <mia@example.com>");
  }

  @org.junit.jupiter.api.Test
  void agentAuthorsAndNotes_count() {
    assertThat(
            Provenance.of("Copilot <198982749+Copilot@users.noreply.github.com>", HUMAN, "x", "")
                .tool())
        .isEqualTo("copilot");
    assertThat(Provenance.of("Mia Park (aider) <mia@example.com>", HUMAN, "x", "").tool())
        .isEqualTo("aider");
    Provenance.Verdict note =
        Provenance.of(HUMAN, HUMAN, "x", "authorship log\nagent: unknown-tool\n");
    assertThat(note.aiAssisted()).isTrue();
    assertThat(note.tool()).isEqualTo("unknown");
  }
}
