package dev.countersign.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.cli.ExternalProcess.Result;
import dev.countersign.cli.FakeGeminiApi.Output;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * Proof with a real client: the pinned Gemini CLI from the npm registry runs headless ({@code gemini
 * -p … --approval-mode yolo}) against a scripted fake Gemini API on 127.0.0.1, in a project whose
 * {@code .gemini/settings.json} was written by {@code countersign hook install gemini}, so every
 * tool call goes through the {@code BeforeTool} command hook {@code countersign hook gemini} to a
 * real {@code countersign serve} process ({@link ServedProject}). The agent's token is scoped to
 * production.
 *
 * <p>What Gemini CLI 0.61.0 needs for that, found by running it: {@code GOOGLE_GEMINI_BASE_URL}
 * points the API client here; {@code security.auth.selectedType: "gemini-api-key"} in the user
 * settings (with only the environment variables, the CLI picks the "gateway" auth type and exits
 * "Invalid auth method selected."); {@code -m} pins the model so the router's side call is skipped.
 * Project hooks run only in a trusted folder, and <b>{@code --skip-trust} does not count</b>: it
 * trusts the folder after the project settings were read, so the hooks are silently not loaded
 * (last test). {@code GEMINI_CLI_TRUST_WORKSPACE=true} (or a {@code trustedFolders.json} entry)
 * does count. {@code --approval-mode yolo} makes sure only the hook can stop the shell command.
 *
 * <p>Only 127.0.0.1 is talked to (npm aside, once, to install the CLI into a cache folder). If npm
 * cannot install the CLI, the test fails; it never skips.
 */
@Tag("real-client")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GeminiEndToEndTest {
  private static final int HOLD_SECONDS = 3;
  /** How Gemini CLI reports a tool call that a BeforeTool hook blocked, to the model. */
  private static final String BLOCKED = "Tool execution blocked";
  private static final String DESTRUCTIVE = "find prod-env -type f -delete && rmdir prod-env && echo recreated";

  private GeminiCli gemini;
  @AutoClose private FakeGeminiApi model;
  @AutoClose private ServedProject served;

  @BeforeAll
  void setUp(@TempDir Path dir) throws Exception {
    gemini = GeminiCli.installed();
    model = new FakeGeminiApi();
    served = ServedProject.start(dir.toRealPath(), "kiro-7", "google", "gemini", HOLD_SECONDS);
    CliRun install = served.installHook("gemini", HOLD_SECONDS + 30, "--countersign", served.launcher().toString());
    assertThat(install.out()).contains("BeforeTool");
    Path home = served.home();
    Files.createDirectories(home.resolve(".gemini"));
    Files.writeString(home.resolve(".gemini/settings.json"), """
        {
          "security": {"auth": {"selectedType": "gemini-api-key"}},
          "privacy": {"usageStatisticsEnabled": false},
          "telemetry": {"enabled": false},
          "general": {"enableAutoUpdate": false, "enableAutoUpdateNotification": false}
        }
        """);
  }

  @Test
  @Order(1)
  void destructiveCommandInProduction_isBlockedByTheHook_andTheMarkerSurvives() throws Exception {
    Result run = agentRuns(List.of(DESTRUCTIVE));

    assertThat(served.marker()).as(diagnostics(run)).exists();
    List<Output> outputs = model.toolResults();
    assertThat(outputs).as(diagnostics(run)).hasSize(1);
    assertThat(outputs.get(0).name()).isEqualTo(FakeGeminiApi.SHELL);
    assertThat(outputs.get(0).isError()).as(diagnostics(run)).isTrue();
    assertThat(outputs.get(0).text()).as(diagnostics(run)).startsWith(BLOCKED).contains("Countersign").contains("agent-least-privilege");
    assertThat(run.output()).as("the hook answered (exit 0), it did not fail").doesNotContain("failed for event BeforeTool");
  }

  @Test
  @Order(2)
  void harmlessCommand_runs() throws Exception {
    Result run = agentRuns(List.of("ls"));

    List<Output> outputs = model.toolResults();
    assertThat(outputs).as(diagnostics(run)).hasSize(1);
    assertThat(outputs.get(0).isError()).as(diagnostics(run)).isFalse();
    assertThat(outputs.get(0).text()).as(diagnostics(run)).doesNotContain(BLOCKED).contains("prod-env");
  }

  @Test
  @Order(3)
  void countersignDown_geminiBlocks_becauseTheHookExitsTwo() throws Exception {
    assertThat(served.stopServer()).isTrue();

    Result run = agentRuns(List.of(DESTRUCTIVE));

    assertThat(served.marker()).as(diagnostics(run)).exists();
    List<Output> outputs = model.toolResults();
    assertThat(outputs).as(diagnostics(run)).hasSize(1);
    assertThat(outputs.get(0).isError()).isTrue();
    assertThat(outputs.get(0).text()).as(diagnostics(run)).startsWith(BLOCKED).contains("unreachable");
  }

  @Test
  @Order(4)
  void withSkipTrustInsteadOfTheTrustVariable_geminiLoadsNoProjectHook_andRunsTheCommand() throws Exception {
    Result run = agentRuns(List.of("ls"), false);

    List<Output> outputs = model.toolResults();
    assertThat(outputs).as(diagnostics(run)).hasSize(1);
    assertThat(outputs.get(0).isError()).as("the server is down, yet no hook blocked: " + diagnostics(run)).isFalse();
    assertThat(outputs.get(0).text()).contains("prod-env");
    assertThat(run.output()).as("no BeforeTool hook ran").doesNotContain("Hook execution for BeforeTool");
  }

  private Result agentRuns(List<String> commands) throws Exception {
    return agentRuns(commands, true);
  }

  /** One headless run; {@code trustVariable}: trust the folder with the environment variable, else with {@code --skip-trust}. */
  private Result agentRuns(List<String> commands, boolean trustVariable) throws Exception {
    model.script(commands);
    Map<String, String> env = served.agentEnv();
    env.put("SHELL", "/bin/bash");
    env.put("TERM", "dumb");
    env.put("GEMINI_API_KEY", "fake-gemini-key-for-local-fake-server");
    env.put("GOOGLE_GEMINI_BASE_URL", model.url());
    List<String> args = new ArrayList<>(List.of("--approval-mode", "yolo", "-m", "gemini-2.5-flash", "-o", "text"));
    if (trustVariable) {
      env.put("GEMINI_CLI_TRUST_WORKSPACE", "true");
    } else {
      args.add("--skip-trust");
    }
    Result run = gemini.prompt(served.project(), env, "Please run the scripted steps.", args, 120);
    System.out.println("=== gemini -p with steps " + commands + "\n" + diagnostics(run));
    return run;
  }

  private String diagnostics(Result run) {
    return model.diagnostics("gemini", run);
  }
}
