package dev.countersign.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.cli.ExternalProcess.Result;
import dev.countersign.cli.FakeOpenAiResponses.Output;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
 * Proof with a real client: the pinned OpenAI Codex CLI from the npm registry runs {@code codex exec}
 * against a scripted fake Responses API on 127.0.0.1, in a project whose {@code .codex/hooks.json}
 * was written by {@code countersign hook install codex}, so every shell command goes through {@code
 * countersign hook codex} to a real {@code countersign serve} process ({@link ServedProject}). The agent's token is scoped
 * to production.
 *
 * <p>Codex runs only trusted hooks; this test passes {@code --dangerously-bypass-hook-trust}, as
 * automation would. Codex refuses {@code rm -rf} itself before any hook runs, so the destructive
 * command here is a {@code mv} of the production folder. Only 127.0.0.1 is talked to (npm aside,
 * once, to install the CLI into a cache folder). If npm cannot install the CLI, the test fails; it
 * never skips.
 */
@Tag("real-client")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CodexEndToEndTest {
  private static final int HOLD_SECONDS = 6;
  private static final String BLOCKED = "Command blocked by PreToolUse hook";

  private CodexCli codex;
  @AutoClose private FakeOpenAiResponses model;
  @AutoClose private ServedProject served;
  private Path project;
  private Path codexHome;
  private ChangeReviewer sam;

  @BeforeAll
  void setUp(@TempDir Path dir) throws Exception {
    Path tmp = dir.toRealPath();
    codex = CodexCli.installed();
    model = new FakeOpenAiResponses();
    served = ServedProject.start(tmp, "codex-mia", "openai", "codex", HOLD_SECONDS);
    project = served.project();
    sam = new ChangeReviewer(served.url(), served.token("sam"));
    CliRun install = served.installHook("codex", HOLD_SECONDS + 50, "--countersign", served.launcher().toString());
    assertThat(install.out()).contains("--dangerously-bypass-hook-trust");
    codexHome = Files.createDirectories(tmp.resolve("codex-home"));
    Files.writeString(codexHome.resolve("config.toml"), """
        model = "gpt-fake"
        model_provider = "fake"
        approval_policy = "never"
        sandbox_mode = "danger-full-access"

        [model_providers.fake]
        name = "fake local"
        base_url = "%s"
        env_key = "FAKE_OPENAI_KEY"
        wire_api = "responses"

        [projects."%s"]
        trust_level = "trusted"
        """.formatted(model.baseUrl(), project));
  }

  @Test
  @Order(1)
  void destructiveCommandInProduction_isBlockedByTheHook_andTheMarkerSurvives() throws Exception {
    Result run = agentRuns(List.of("mv prod-env prod-env-old && echo recreated"));

    assertThat(served.marker()).as(diagnostics(run)).exists();
    List<Output> outputs = model.toolResults();
    assertThat(outputs).as(diagnostics(run)).hasSize(1);
    assertThat(outputs.get(0).text()).contains(BLOCKED).contains("Countersign");
    assertThat(run.output()).contains("hook: PreToolUse Blocked");
  }

  @Test
  @Order(2)
  void harmlessCommand_runs() throws Exception {
    Result run = agentRuns(List.of("ls"));

    List<Output> outputs = model.toolResults();
    assertThat(outputs).as(diagnostics(run)).hasSize(1);
    assertThat(outputs.get(0).text()).as(diagnostics(run)).doesNotContain(BLOCKED).contains("prod-env");
    assertThat(run.output()).as("Codex saw the allow as a successful hook").contains("hook: PreToolUse").doesNotContain("PreToolUse Failed");
  }

  @Test
  @Order(3)
  void commandApprovedBySeniorWhileHeld_runsExactlyOnce() throws Exception {
    String command = "echo deployed >> deploy.log";
    List<String> before = sam.pendingIds();
    CompletableFuture<String> approved = CompletableFuture.supplyAsync(() -> sam.approveFirstNewPendingChange(before));

    Result run = agentRuns(List.of(command, command));

    String changeId = approved.get(60, TimeUnit.SECONDS);
    assertThat(Files.readAllLines(project.resolve("deploy.log"))).as(diagnostics(run)).containsExactly("deployed");
    List<Output> outputs = model.toolResults();
    assertThat(outputs).as(diagnostics(run)).hasSize(2);
    assertThat(outputs.get(0).text()).doesNotContain(BLOCKED);
    assertThat(outputs.get(1).text()).contains(BLOCKED).contains("needs approval").contains("still pending after");
    assertThat(sam.get("/v1/changes/" + changeId).path("state").asText()).isEqualTo("approved");
    assertThat(sam.changes("pending")).as("the second identical call asked again").hasSize(before.size() + 1);
  }

  @Test
  @Order(4)
  void countersignDown_codexBlocks_becauseTheHookExitsTwo() throws Exception {
    assertThat(served.stopServer()).isTrue();

    Result run = agentRuns(List.of("mv prod-env prod-env-old && echo recreated"));

    assertThat(served.marker()).as(diagnostics(run)).exists();
    assertThat(model.toolResults()).as(diagnostics(run)).hasSize(1);
    assertThat(model.toolResults().get(0).text()).contains(BLOCKED).contains("unreachable");
  }

  @Test
  @Order(5)
  void withoutHookTrust_codexSkipsTheHookSilently_whichIsWhyInstallSaysSo() throws Exception {
    Result run = agentRuns(List.of("ls"), List.of());

    assertThat(model.toolResults()).as(diagnostics(run)).hasSize(1);
    assertThat(model.toolResults().get(0).text()).as(diagnostics(run)).contains("prod-env").doesNotContain(BLOCKED);
    assertThat(run.output()).as("the server is down, yet no hook ran").doesNotContain("hook: PreToolUse");
  }

  private Result agentRuns(List<String> commands) throws Exception {
    return agentRuns(commands, List.of("--dangerously-bypass-hook-trust"));
  }

  private Result agentRuns(List<String> commands, List<String> trust) throws Exception {
    model.script(commands);
    Map<String, String> env = served.agentEnv();
    env.put("CODEX_HOME", codexHome.toString());
    env.put("SHELL", "/bin/bash");
    env.put("FAKE_OPENAI_KEY", "sk-fake-key-for-local-fake-server");
    List<String> args = new ArrayList<>(List.of("--skip-git-repo-check", "--color", "never"));
    args.addAll(trust);
    Result run = codex.exec(project, env, args, "Please run the scripted steps.", 120);
    System.out.println("=== codex exec with steps " + commands + "\n" + diagnostics(run));
    return run;
  }

  private String diagnostics(Result run) {
    return model.diagnostics("codex", run);
  }
}
