package dev.countersign.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code countersign analyze --kind git REPO A..B} against a real repository made with real git. */
class GitAnalyzeCliTest {
  @TempDir Path repo;

  private void git(String... args) throws Exception {
    List<String> cmd = new java.util.ArrayList<>(List.of("git", "-C", repo.toString(), "-c", "user.name=Mia", "-c", "user.email=mia@example.com", "-c", "commit.gpgsign=false"));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
  }

  @Test
  void commitRangeWithAClaudeTrailer_isReportedAsAiAssisted() throws Exception {
    git("init", "-q", "-b", "main");
    Files.writeString(repo.resolve("a.txt"), "one\n");
    git("add", ".");
    git("commit", "-q", "-m", "base");
    Files.writeString(repo.resolve("a.txt"), "one\ntwo\n");
    Files.writeString(repo.resolve("b.tf"), "resource \"x\" \"y\" {}\n");
    git("add", ".");
    git("commit", "-q", "-m", "change\n\nCo-Authored-By: Claude Opus 4.1 <noreply@anthropic.com>");
    CliRun r = CliRun.of("analyze", "--kind", "git", repo.toString(), "HEAD~1..HEAD", "--json");
    assertThat(r.exitCode()).as(r.err()).isZero();
    JsonNode json = new ObjectMapper().readTree(r.out());
    assertThat(json.path("kind").asText()).isEqualTo("git");
    assertThat(json.path("actions").size()).isEqualTo(2);
    assertThat(json.path("findings").toString()).contains("ai-assisted");
  }

  @Test
  void gitKindWithoutARange_exits2() {
    CliRun r = CliRun.of("analyze", "--kind", "git", repo.toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("commit range");
  }

  @Test
  void optionSmuggledAsARange_isRefused() throws Exception {
    git("init", "-q", "-b", "main");
    CliRun r = CliRun.of("analyze", "--kind", "git", repo.toString(), "--upload-pack=touch /tmp/x");
    assertThat(r.exitCode()).isEqualTo(2);
  }
}
