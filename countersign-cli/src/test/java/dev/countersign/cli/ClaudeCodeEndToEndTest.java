package dev.countersign.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.countersign.cli.ClaudeCodeCli.Result;
import dev.countersign.cli.FakeAnthropicApi.ToolResult;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * Proof with a real client (issue 4): the pinned Claude Code CLI from the npm registry runs {@code
 * claude -p} against a scripted fake model on 127.0.0.1, in a project whose {@code
 * .claude/settings.json} was written by {@code countersign hook install claude-code}, with a real
 * {@code countersign serve} process as its http hook. The agent's token is scoped to production.
 *
 * <p>Only 127.0.0.1 is talked to (npm aside, once, to install the CLI into a cache folder). If npm
 * cannot install the CLI, the test fails; it never skips.
 */
@Tag("real-client")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClaudeCodeEndToEndTest {
  private static final Pattern RUNNING = Pattern.compile("running at (http://127\\.0\\.0\\.1:\\d+)");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ORG =
      """
      humans:
        - {id: mia, level: mid, teams: [payments]}
        - {id: sam, level: senior, teams: [payments]}
      agents:
        - id: claude-mia
          sponsor: mia
          vendor: anthropic
          model: claude
          grants:
            - environments: [production]
              services: [payments-api]
              verbs: [read, create, update, exec]
              expires: 2099-01-01T00:00:00Z
      """;
  private static final int HOLD_SECONDS = 10;

  private Path tmp;
  private ClaudeCodeCli claude;
  private FakeAnthropicApi model;
  private Process server;
  private String url;
  private Path dataDir;
  private Path org;
  private Path project;
  private String agentToken;
  private String samToken;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  void setUp(@TempDir Path dir) throws Exception {
    tmp = dir;
    claude = ClaudeCodeCli.installed();
    model = new FakeAnthropicApi();
    dataDir = tmp.resolve("data");
    org = tmp.resolve("org.yaml");
    Files.writeString(org, ORG);
    server = new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp", System.getProperty("java.class.path"),
            Main.class.getName(), "serve", "--port", "0", "--data-dir", dataDir.toString(),
            "--org", org.toString(), "--hook-hold", "PT" + HOLD_SECONDS + "S")
        .redirectErrorStream(true)
        .start();
    url = awaitUrl(server);
    agentToken = token("claude-mia", "--env", "production", "--service", "payments-api");
    samToken = token("sam");
    project = tmp.resolve("shop-infra");
    Files.createDirectories(project.resolve("prod-env"));
    Files.writeString(project.resolve("prod-env/MARKER"), "precious\n");
    CliRun install = CliRun.of("hook", "install", "claude-code", "--project", project.toString(), "--url", url,
        "--timeout", String.valueOf(HOLD_SECONDS + 50));
    assertThat(install.exitCode()).as(install.err()).isZero();
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
  void destructiveCommand_isDenied_andTheMarkerSurvives() throws Exception {
    Result run = agentRuns(List.of("rm -rf ./prod-env"));

    assertThat(project.resolve("prod-env/MARKER")).as(diagnostics(run)).exists();
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
    CompletableFuture<String> approved = CompletableFuture.supplyAsync(this::approveFirstPendingChange);

    Result run = agentRuns(List.of(command, command));

    String changeId = approved.get(60, TimeUnit.SECONDS);
    assertThat(Files.readAllLines(project.resolve("deploy.log"))).as(diagnostics(run)).containsExactly("deployed");
    List<ToolResult> results = model.toolResults();
    assertThat(results).as(diagnostics(run)).hasSize(2);
    assertThat(results.get(0).isError()).as(results.get(0).text()).isFalse();
    assertThat(results.get(1).isError()).isTrue();
    assertThat(results.get(1).text()).contains("needs approval").contains("still pending after").doesNotContain(changeId);
    assertThat(get("/v1/changes/" + changeId).path("state").asText()).isEqualTo("approved");
    assertThat(changes("pending")).as("the second identical call asked again").hasSize(1);
  }

  @Test
  @Order(4)
  void countersignDown_theClientBlocks_becauseTheInstalledHookFailsClosed() throws Exception {
    server.destroy();
    assertThat(server.waitFor(30, TimeUnit.SECONDS)).isTrue();

    Result run = agentRuns(List.of("rm -rf ./prod-env"));

    assertThat(project.resolve("prod-env/MARKER")).as(diagnostics(run)).exists();
    assertThat(model.toolResults()).as(diagnostics(run)).hasSize(1);
    assertThat(model.toolResults().get(0).isError()).isTrue();
  }

  private Result agentRuns(List<String> commands) throws Exception {
    model.script(commands);
    Map<String, String> env = new LinkedHashMap<>();
    env.put("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
    env.put("HOME", Files.createDirectories(tmp.resolve("home")).toString());
    env.put("COUNTERSIGN_TOKEN", agentToken);
    env.put("ANTHROPIC_BASE_URL", model.url());
    env.put("ANTHROPIC_API_KEY", "sk-ant-api03-dummy-key-for-local-fake-server");
    env.put("NO_PROXY", "127.0.0.1,localhost");
    for (String off : List.of("CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC", "DISABLE_TELEMETRY", "DISABLE_AUTOUPDATER",
        "DISABLE_ERROR_REPORTING", "DISABLE_BUG_COMMAND")) {
      env.put(off, "1");
    }
    Result run = claude.print(project, env, "Please run the scripted steps.",
        List.of("--allowedTools", "Bash", "--output-format", "json"), 120);
    System.out.println("=== claude -p with steps " + commands + "\n" + diagnostics(run));
    return run;
  }

  private String approveFirstPendingChange() {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      List<JsonNode> pending = changes("pending");
      if (!pending.isEmpty()) {
        String id = pending.get(0).path("id").asText();
        CliRun r = CliRun.of("approve", id, "--comment", "ship it", "--server", url, "--token", samToken);
        assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
        return id;
      }
      sleep(100);
    }
    throw new AssertionError("no change waited for approval within 60 s");
  }

  private List<JsonNode> changes(String state) {
    List<JsonNode> out = new java.util.ArrayList<>();
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
    return "claude exit " + run.code() + "\n--- claude output ---\n" + run.output()
        + "\n--- fake model requests ---\n" + model.log() + "\n--- tool results ---\n" + model.toolResults();
  }

  private String token(String principal, String... scope) {
    List<String> args = new java.util.ArrayList<>(List.of("token", "create", "--principal", principal,
        "--data-dir", dataDir.toString(), "--org", org.toString()));
    args.addAll(List.of(scope));
    CliRun r = CliRun.of(args.toArray(String[]::new));
    assertThat(r.exitCode()).as(r.err()).isZero();
    String[] lines = r.out().strip().split("\n");
    return lines[lines.length - 1].strip();
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
