package dev.countersign.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.countersign.cli.StubbedRelay.Result;
import dev.countersign.cli.hook.ClaudeCodeHookCommand;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The relay sends what the agent's repository ({@code .countersign.yaml}) narrows its target to; the
 * server applies it only as a narrowing ({@code HookEndToEndTest} shows it cannot widen).
 */
class RepositoryTargetRelayTest {
  private static final String ALLOW =
      "{\"hookSpecificOutput\":{\"hookEventName\":\"PreToolUse\",\"permissionDecision\":\"allow\",\"permissionDecisionReason\":\"ok\"}}";

  @TempDir Path repo;

  private Result relayFrom(Path cwd) throws Exception {
    String payload = new ObjectMapper().createObjectNode()
        .put("session_id", "s").put("cwd", cwd.toString()).put("hook_event_name", "PreToolUse")
        .put("tool_name", "Bash").set("tool_input", new ObjectMapper().createObjectNode().put("command", "ls"))
        .toString();
    return StubbedRelay.run(new ClaudeCodeHookCommand(), payload, 200, ALLOW);
  }

  @Test
  void fileInTheRepositoryRoot_isSentAsRepoNarrowing_fromASubfolder() throws Exception {
    Files.createDirectories(repo.resolve(".git"));
    Files.writeString(repo.resolve(".countersign.yaml"), "environment: staging\nservices: [web, worker]\n");
    Path sub = Files.createDirectories(repo.resolve("src/app"));

    Result r = relayFrom(sub);

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.query()).isEqualTo("repo-environment=staging&repo-service=web&repo-service=worker");
  }

  @Test
  void fileAboveTheRepositoryRoot_isNotTheRepositorysAndIsIgnored() throws Exception {
    Files.writeString(repo.resolve(".countersign.yaml"), "environment: staging\n");
    Path project = Files.createDirectories(repo.resolve("project"));
    Files.createDirectories(project.resolve(".git"));

    Result r = relayFrom(project);

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.query()).isEmpty();
  }

  @Test
  void brokenFile_blocksTheCall_namingTheFile_insteadOfBeingIgnored() throws Exception {
    Files.createDirectories(repo.resolve(".git"));
    Files.writeString(repo.resolve(".countersign.yaml"), "environment: staging\nregion: eu\n");

    Result r = relayFrom(repo);

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains(".countersign.yaml cannot be used").contains("region");
    assertThat(r.path()).as("nothing was sent").isEmpty();
  }

  @Test
  void invalidName_blocksTheCall() throws Exception {
    Files.createDirectories(repo.resolve(".git"));
    Files.writeString(repo.resolve(".countersign.yaml"), "services: ['web&environment=production']\n");

    Result r = relayFrom(repo);

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("is not a valid name");
  }
}
