package dev.countersign.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.countersign.cli.ClaudeCodeCli.Result;
import dev.countersign.cli.FakeOpenAiResponses.Output;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
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
 * Proof with a real client: the pinned OpenAI Codex CLI from the npm registry runs {@code codex exec}
 * against a scripted fake Responses API on 127.0.0.1, in a project whose {@code .codex/hooks.json}
 * was written by {@code countersign hook install codex}, so every shell command goes through {@code
 * countersign hook codex} to a real {@code countersign serve} process. The agent's token is scoped
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
  private static final Pattern RUNNING = Pattern.compile("running at (http://127\\.0\\.0\\.1:\\d+)");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ORG =
      """
      humans:
        - {id: mia, level: mid, teams: [payments]}
        - {id: sam, level: senior, teams: [payments]}
      agents:
        - id: codex-mia
          sponsor: mia
          vendor: openai
          model: codex
          grants:
            - environments: [production]
              services: [payments-api]
              verbs: [read, create, update, exec]
              expires: 2099-01-01T00:00:00Z
      """;
  private static final int HOLD_SECONDS = 6;
  private static final String BLOCKED = "Command blocked by PreToolUse hook";

  private Path tmp;
  private CodexCli codex;
  private FakeOpenAiResponses model;
  private Process server;
  private String url;
  private Path dataDir;
  private Path org;
  private Path project;
  private Path codexHome;
  private String agentToken;
  private String samToken;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  void setUp(@TempDir Path dir) throws Exception {
    tmp = dir.toRealPath();
    codex = CodexCli.installed();
    model = new FakeOpenAiResponses();
    dataDir = tmp.resolve("data");
    org = tmp.resolve("org.yaml");
    Files.writeString(org, ORG);
    server = new ProcessBuilder(java(), "-cp", System.getProperty("java.class.path"),
            Main.class.getName(), "serve", "--port", "0", "--data-dir", dataDir.toString(),
            "--org", org.toString(), "--hook-hold", "PT" + HOLD_SECONDS + "S")
        .redirectErrorStream(true)
        .start();
    url = awaitUrl(server);
    agentToken = token("codex-mia", "--env", "production", "--service", "payments-api");
    samToken = token("sam");
    project = tmp.resolve("shop-infra");
    Files.createDirectories(project.resolve("prod-env"));
    Files.writeString(project.resolve("prod-env/MARKER"), "precious\n");
    CliRun install = CliRun.of("hook", "install", "codex", "--project", project.toString(), "--url", url,
        "--timeout", String.valueOf(HOLD_SECONDS + 50), "--countersign", launcher().toString());
    assertThat(install.exitCode()).as(install.err()).isZero();
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
    Result run = agentRuns(List.of("mv prod-env prod-env-old && echo recreated"));

    assertThat(project.resolve("prod-env/MARKER")).as(diagnostics(run)).exists();
    List<Output> outputs = model.outputs();
    assertThat(outputs).as(diagnostics(run)).hasSize(1);
    assertThat(outputs.get(0).text()).contains(BLOCKED).contains("Countersign");
    assertThat(run.output()).contains("hook: PreToolUse Blocked");
  }

  @Test
  @Order(2)
  void harmlessCommand_runs() throws Exception {
    Result run = agentRuns(List.of("ls"));

    List<Output> outputs = model.outputs();
    assertThat(outputs).as(diagnostics(run)).hasSize(1);
    assertThat(outputs.get(0).text()).as(diagnostics(run)).doesNotContain(BLOCKED).contains("prod-env");
    assertThat(run.output()).as("Codex saw the allow as a successful hook").contains("hook: PreToolUse").doesNotContain("PreToolUse Failed");
  }

  @Test
  @Order(3)
  void commandApprovedBySeniorWhileHeld_runsExactlyOnce() throws Exception {
    String command = "echo deployed >> deploy.log";
    List<String> before = changes("pending").stream().map(c -> c.path("id").asText()).toList();
    CompletableFuture<String> approved = CompletableFuture.supplyAsync(() -> approveFirstNewPendingChange(before));

    Result run = agentRuns(List.of(command, command));

    String changeId = approved.get(60, TimeUnit.SECONDS);
    assertThat(Files.readAllLines(project.resolve("deploy.log"))).as(diagnostics(run)).containsExactly("deployed");
    List<Output> outputs = model.outputs();
    assertThat(outputs).as(diagnostics(run)).hasSize(2);
    assertThat(outputs.get(0).text()).doesNotContain(BLOCKED);
    assertThat(outputs.get(1).text()).contains(BLOCKED).contains("needs approval").contains("still pending after");
    assertThat(get("/v1/changes/" + changeId).path("state").asText()).isEqualTo("approved");
    assertThat(changes("pending")).as("the second identical call asked again").hasSize(before.size() + 1);
  }

  @Test
  @Order(4)
  void countersignDown_codexBlocks_becauseTheHookExitsTwo() throws Exception {
    server.destroy();
    assertThat(server.waitFor(30, TimeUnit.SECONDS)).isTrue();

    Result run = agentRuns(List.of("mv prod-env prod-env-old && echo recreated"));

    assertThat(project.resolve("prod-env/MARKER")).as(diagnostics(run)).exists();
    assertThat(model.outputs()).as(diagnostics(run)).hasSize(1);
    assertThat(model.outputs().get(0).text()).contains(BLOCKED).contains("unreachable");
  }

  @Test
  @Order(5)
  void withoutHookTrust_codexSkipsTheHookSilently_whichIsWhyInstallSaysSo() throws Exception {
    Result run = agentRuns(List.of("ls"), List.of());

    assertThat(model.outputs()).as(diagnostics(run)).hasSize(1);
    assertThat(model.outputs().get(0).text()).as(diagnostics(run)).contains("prod-env").doesNotContain(BLOCKED);
    assertThat(run.output()).as("the server is down, yet no hook ran").doesNotContain("hook: PreToolUse");
  }

  private Result agentRuns(List<String> commands) throws Exception {
    return agentRuns(commands, List.of("--dangerously-bypass-hook-trust"));
  }

  private Result agentRuns(List<String> commands, List<String> trust) throws Exception {
    model.script(commands);
    Map<String, String> env = new LinkedHashMap<>();
    env.put("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
    env.put("HOME", Files.createDirectories(tmp.resolve("home")).toString());
    env.put("CODEX_HOME", codexHome.toString());
    env.put("SHELL", "/bin/bash");
    env.put("FAKE_OPENAI_KEY", "sk-fake-key-for-local-fake-server");
    env.put("COUNTERSIGN_TOKEN", agentToken);
    env.put("NO_PROXY", "127.0.0.1,localhost");
    List<String> args = new ArrayList<>(List.of("--skip-git-repo-check", "--color", "never"));
    args.addAll(trust);
    Result run = codex.exec(project, env, args, "Please run the scripted steps.", 120);
    System.out.println("=== codex exec with steps " + commands + "\n" + diagnostics(run));
    return run;
  }

  private String approveFirstNewPendingChange(List<String> before) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      List<String> pending = changes("pending").stream().map(c -> c.path("id").asText()).filter(id -> !before.contains(id)).toList();
      if (!pending.isEmpty()) {
        String id = pending.get(0);
        CliRun r = CliRun.of("approve", id, "--comment", "ship it", "--server", url, "--token", samToken);
        assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
        return id;
      }
      sleep(100);
    }
    throw new AssertionError("no change waited for approval within 60 s");
  }

  private List<JsonNode> changes(String state) {
    List<JsonNode> out = new ArrayList<>();
    get("/v1/changes?state=" + state).path("changes").forEach(out::add);
    return out;
  }

  private JsonNode get(String path) {
    try {
      HttpResponse<String> r = http.send(
          HttpRequest.newBuilder(URI.create(url + path)).header("Authorization", "Bearer " + samToken).build(),
          HttpResponse.BodyHandlers.ofString());
      return JSON.readTree(r.body());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private String diagnostics(Result run) {
    return "codex exit " + run.code() + "\n--- codex output ---\n" + run.output()
        + "\n--- fake model requests ---\n" + model.log() + "\n--- tool outputs ---\n" + model.outputs();
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

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
