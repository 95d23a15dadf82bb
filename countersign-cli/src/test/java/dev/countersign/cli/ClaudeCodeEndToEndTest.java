package dev.countersign.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.cli.ExternalProcess.Result;
import dev.countersign.cli.FakeAnthropicApi.ToolResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proof with a real client (issue 4): the pinned Claude Code CLI from the npm registry runs {@code
 * claude -p} against a scripted fake model on 127.0.0.1, in a project whose {@code
 * .claude/settings.json} was written by {@code countersign hook install claude-code}, with a real
 * {@code countersign serve} process as its http hook ({@link ServedProject}). The agent's token is
 * scoped to production.
 *
 * <p>Only 127.0.0.1 is talked to (npm aside, once, to install the CLI into a cache folder). If npm
 * cannot install the CLI, the test fails; it never skips.
 */
@Tag("real-client")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClaudeCodeEndToEndTest {
  private static final int HOLD_SECONDS = 10;

  private ClaudeCodeCli claude;
  @AutoClose private FakeAnthropicApi model;
  @AutoClose private ServedProject served;
  private Path project;
  private ChangeReviewer sam;

  @BeforeAll
  void setUp(@TempDir Path dir) throws Exception {
    claude = ClaudeCodeCli.installed();
    model = new FakeAnthropicApi();
    served = ServedProject.start(dir, "claude-mia", "anthropic", "claude", HOLD_SECONDS);
    project = served.project();
    sam = new ChangeReviewer(served.url(), served.token("sam"));
    served.installHook("claude-code", HOLD_SECONDS + 50);
  }

  @Test
  @Order(1)
  void destructiveCommand_isDenied_andTheMarkerSurvives() throws Exception {
    Result run = agentRuns(List.of("rm -rf ./prod-env"));

    assertThat(served.marker()).as(diagnostics(run)).exists();
    List<ToolResult> results = model.toolResults();
    assertThat(results).as(diagnostics(run)).hasSize(1);
    assertThat(results.get(0).isError()).isTrue();
    assertThat(results.get(0).text()).contains("Countersign").contains("agent-least-privilege");
  }

  @Test
  @Order(2)
  void harmlessCommand_runs() throws Exception {
    Result run = agentRuns(List.of("ls"));

    List<ToolResult> results = model.toolResults();
    assertThat(results).as(diagnostics(run)).hasSize(1);
    assertThat(results.get(0).isError()).as(results.get(0).text()).isFalse();
    assertThat(results.get(0).text()).contains("prod-env");
  }

  @Test
  @Order(3)
  void commandApprovedBySeniorWhileHeld_runsExactlyOnce() throws Exception {
    String command = "echo deployed >> deploy.log";
    CompletableFuture<String> approved = CompletableFuture.supplyAsync(() -> sam.approveFirstNewPendingChange(List.of()));

    Result run = agentRuns(List.of(command, command));

    String changeId = approved.get(60, TimeUnit.SECONDS);
    assertThat(Files.readAllLines(project.resolve("deploy.log"))).as(diagnostics(run)).containsExactly("deployed");
    List<ToolResult> results = model.toolResults();
    assertThat(results).as(diagnostics(run)).hasSize(2);
    assertThat(results.get(0).isError()).as(results.get(0).text()).isFalse();
    assertThat(results.get(1).isError()).isTrue();
    assertThat(results.get(1).text()).contains("needs approval").contains("still pending after").doesNotContain(changeId);
    assertThat(sam.get("/v1/changes/" + changeId).path("state").asText()).isEqualTo("approved");
    assertThat(sam.changes("pending")).as("the second identical call asked again").hasSize(1);
  }

  @Test
  @Order(4)
  void countersignDown_theClientBlocks_becauseTheInstalledHookFailsClosed() throws Exception {
    assertThat(served.stopServer()).isTrue();

    Result run = agentRuns(List.of("rm -rf ./prod-env"));

    assertThat(served.marker()).as(diagnostics(run)).exists();
    assertThat(model.toolResults()).as(diagnostics(run)).hasSize(1);
    assertThat(model.toolResults().get(0).isError()).isTrue();
  }

  private Result agentRuns(List<String> commands) throws Exception {
    model.script(commands);
    Map<String, String> env = served.agentEnv();
    env.put("ANTHROPIC_BASE_URL", model.url());
    env.put("ANTHROPIC_API_KEY", "sk-ant-api03-dummy-key-for-local-fake-server");
    for (String off : List.of("CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC", "DISABLE_TELEMETRY", "DISABLE_AUTOUPDATER",
        "DISABLE_ERROR_REPORTING", "DISABLE_BUG_COMMAND")) {
      env.put(off, "1");
    }
    Result run = claude.print(project, env, "Please run the scripted steps.",
        List.of("--allowedTools", "Bash", "--output-format", "json"), 120);
    System.out.println("=== claude -p with steps " + commands + "\n" + diagnostics(run));
    return run;
  }

  private String diagnostics(Result run) {
    return model.diagnostics("claude", run);
  }
}
