package dev.countersign.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.cli.ClaudeCodeCli.Result;
import dev.countersign.cli.FakeGeminiApi.Output;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
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
 * real {@code countersign serve} process. The agent's token is scoped to production.
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
  private static final Pattern RUNNING = Pattern.compile("running at (http://127\\.0\\.0\\.1:\\d+)");
  private static final String ORG =
      """
      humans:
        - {id: mia, level: mid, teams: [payments]}
        - {id: sam, level: senior, teams: [payments]}
      agents:
        - id: kiro-7
          sponsor: mia
          vendor: google
          model: gemini
          grants:
            - environments: [production]
              services: [payments-api]
              verbs: [read, create, update, exec]
              expires: 2099-01-01T00:00:00Z
      """;
  private static final int HOLD_SECONDS = 3;
  /** How Gemini CLI reports a tool call that a BeforeTool hook blocked, to the model. */
  private static final String BLOCKED = "Tool execution blocked";
  private static final String DESTRUCTIVE = "find prod-env -type f -delete && rmdir prod-env && echo recreated";

  private Path tmp;
  private GeminiCli gemini;
  private FakeGeminiApi model;
  private Process server;
  private String url;
  private Path dataDir;
  private Path org;
  private Path project;
  private Path home;
  private String agentToken;

  @BeforeAll
  void setUp(@TempDir Path dir) throws Exception {
    tmp = dir.toRealPath();
    gemini = GeminiCli.installed();
    model = new FakeGeminiApi();
    dataDir = tmp.resolve("data");
    org = tmp.resolve("org.yaml");
    Files.writeString(org, ORG);
    server = new ProcessBuilder(java(), "-cp", System.getProperty("java.class.path"),
            Main.class.getName(), "serve", "--port", "0", "--data-dir", dataDir.toString(),
            "--org", org.toString(), "--hook-hold", "PT" + HOLD_SECONDS + "S")
        .redirectErrorStream(true)
        .start();
    url = awaitUrl(server);
    agentToken = token("kiro-7", "--env", "production", "--service", "payments-api");
    project = tmp.resolve("shop-infra");
    Files.createDirectories(project.resolve("prod-env"));
    Files.writeString(project.resolve("prod-env/MARKER"), "precious\n");
    CliRun install = CliRun.of("hook", "install", "gemini", "--project", project.toString(), "--url", url,
        "--timeout", String.valueOf(HOLD_SECONDS + 30), "--countersign", launcher().toString());
    assertThat(install.exitCode()).as(install.err()).isZero();
    assertThat(install.out()).contains("BeforeTool");
    home = Files.createDirectories(tmp.resolve("home"));
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

  /** A {@code countersign} launcher for the hook: this build's classes on a fresh JVM. */
  private Path launcher() throws Exception {
    Path args = tmp.resolve("countersign.args");
    Files.writeString(args, "-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xshare:auto -cp \""
        + System.getProperty("java.class.path").replace("\\", "\\\\") + "\" " + Main.class.getName() + "\n");
    Path bin = Files.createDirectories(tmp.resolve("bin")).resolve("countersign");
    Files.writeString(bin, "#!/bin/sh\nexec '" + java() + "' '@" + args + "' \"$@\"\n");
    Files.setPosixFilePermissions(bin, PosixFilePermissions.fromString("rwxr-xr-x"));
    return bin;
  }

  @AfterAll
  void tearDown() throws Exception {
    if (server != null) {
      server.destroy();
      if (!server.waitFor(20, TimeUnit.SECONDS)) {
        server.destroyForcibly();
      }
    }
    if (model != null) {
      model.close();
    }
  }

  @Test
  @Order(1)
  void destructiveCommandInProduction_isBlockedByTheHook_andTheMarkerSurvives() throws Exception {
    Result run = agentRuns(List.of(DESTRUCTIVE));

    assertThat(project.resolve("prod-env/MARKER")).as(diagnostics(run)).exists();
    List<Output> outputs = model.outputs();
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

    List<Output> outputs = model.outputs();
    assertThat(outputs).as(diagnostics(run)).hasSize(1);
    assertThat(outputs.get(0).isError()).as(diagnostics(run)).isFalse();
    assertThat(outputs.get(0).text()).as(diagnostics(run)).doesNotContain(BLOCKED).contains("prod-env");
  }

  @Test
  @Order(3)
  void countersignDown_geminiBlocks_becauseTheHookExitsTwo() throws Exception {
    server.destroy();
    assertThat(server.waitFor(30, TimeUnit.SECONDS)).isTrue();

    Result run = agentRuns(List.of(DESTRUCTIVE));

    assertThat(project.resolve("prod-env/MARKER")).as(diagnostics(run)).exists();
    List<Output> outputs = model.outputs();
    assertThat(outputs).as(diagnostics(run)).hasSize(1);
    assertThat(outputs.get(0).isError()).isTrue();
    assertThat(outputs.get(0).text()).as(diagnostics(run)).startsWith(BLOCKED).contains("unreachable");
  }

  @Test
  @Order(4)
  void withSkipTrustInsteadOfTheTrustVariable_geminiLoadsNoProjectHook_andRunsTheCommand() throws Exception {
    Result run = agentRuns(List.of("ls"), false);

    List<Output> outputs = model.outputs();
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
    Map<String, String> env = new LinkedHashMap<>();
    env.put("PATH", GeminiCli.PATH);
    env.put("HOME", home.toString());
    env.put("SHELL", "/bin/bash");
    env.put("TERM", "dumb");
    env.put("GEMINI_API_KEY", "fake-gemini-key-for-local-fake-server");
    env.put("GOOGLE_GEMINI_BASE_URL", model.baseUrl());
    env.put("COUNTERSIGN_TOKEN", agentToken);
    env.put("NO_PROXY", "127.0.0.1,localhost");
    List<String> args = new ArrayList<>(List.of("--approval-mode", "yolo", "-m", "gemini-2.5-flash", "-o", "text"));
    if (trustVariable) {
      env.put("GEMINI_CLI_TRUST_WORKSPACE", "true");
    } else {
      args.add("--skip-trust");
    }
    Result run = gemini.prompt(project, env, "Please run the scripted steps.", args, 120);
    System.out.println("=== gemini -p with steps " + commands + "\n" + diagnostics(run));
    return run;
  }

  private String diagnostics(Result run) {
    return "gemini exit " + run.code() + "\n--- gemini output ---\n" + run.output()
        + "\n--- fake model requests ---\n" + model.log() + "\n--- tool results ---\n" + model.outputs();
  }

  private String token(String principal, String... scope) {
    List<String> args = new ArrayList<>(List.of("token", "create", "--principal", principal,
        "--data-dir", dataDir.toString(), "--org", org.toString()));
    args.addAll(List.of(scope));
    CliRun r = CliRun.of(args.toArray(String[]::new));
    assertThat(r.exitCode()).as(r.err()).isZero();
    String[] lines = r.out().strip().split("\n");
    return lines[lines.length - 1].strip();
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private static String awaitUrl(Process p) throws Exception {
    BufferedReader reader = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    StringBuilder seen = new StringBuilder();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    String line;
    while (System.nanoTime() < deadline && (line = reader.readLine()) != null) {
      seen.append(line).append('\n');
      Matcher m = RUNNING.matcher(line);
      if (m.find()) {
        Thread.ofVirtual().start(() -> reader.lines().forEach(l -> {}));
        return m.group(1);
      }
    }
    throw new AssertionError("countersign serve did not start; output:\n" + seen);
  }
}
