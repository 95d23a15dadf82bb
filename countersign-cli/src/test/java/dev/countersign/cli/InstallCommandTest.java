package dev.countersign.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code countersign hook install claude-code}: a fail-closed hook entry, merged and checked. */
class InstallCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path project;

  private CliRun install(String... extra) {
    java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of(
        "hook", "install", "claude-code", "--project", project.toString(), "--url", "http://127.0.0.1:8420"));
    args.addAll(java.util.List.of(extra));
    return CliRun.of(args.toArray(String[]::new));
  }

  private JsonNode settings() throws Exception {
    return JSON.readTree(Files.readString(project.resolve(".claude/settings.json")));
  }

  @Test
  void freshProject_getsAFailClosedHttpHook() throws Exception {
    CliRun r = install();

    assertThat(r.exitCode()).as(r.err()).isZero();
    JsonNode s = settings();
    JsonNode handler = s.path("hooks").path("PreToolUse").get(0).path("hooks").get(0);
    assertThat(s.path("hooks").path("PreToolUse").get(0).path("matcher").asText()).isEqualTo("*");
    assertThat(handler.path("type").asText()).isEqualTo("http");
    assertThat(handler.path("url").asText()).isEqualTo("http://127.0.0.1:8420/v1/hooks/claude-code");
    assertThat(handler.path("onFailure").asText()).isEqualTo("block");
    assertThat(handler.path("timeout").asInt()).isEqualTo(60);
    assertThat(handler.path("headers").path("Authorization").asText()).isEqualTo("Bearer $COUNTERSIGN_TOKEN");
    assertThat(handler.path("allowedEnvVars").toString()).isEqualTo("[\"COUNTERSIGN_TOKEN\"]");
    assertThat(s.path("allowedHttpHookUrls").toString()).isEqualTo("[\"http://127.0.0.1:8420/*\"]");
    assertThat(s.path("httpHookAllowedEnvVars").toString()).isEqualTo("[\"COUNTERSIGN_TOKEN\"]");
    assertThat(r.out()).contains("checked it").contains("export COUNTERSIGN_TOKEN=");
  }

  @Test
  void existingSettings_areKept_andAnEarlierCountersignHookIsReplacedNotDuplicated() throws Exception {
    Files.createDirectories(project.resolve(".claude"));
    Files.writeString(project.resolve(".claude/settings.json"), """
        {"permissions": {"deny": ["Read(./.env)"]},
         "allowedHttpHookUrls": ["https://hooks.example.com/*"],
         "hooks": {"PreToolUse": [{"matcher": "Bash", "hooks": [{"type": "command", "command": "./lint.sh"}]}],
                   "Stop": [{"hooks": [{"type": "command", "command": "say done"}]}]}}
        """);

    assertThat(install().exitCode()).isZero();
    assertThat(install("--timeout", "90").exitCode()).isZero();

    JsonNode s = settings();
    assertThat(s.path("permissions").path("deny").get(0).asText()).isEqualTo("Read(./.env)");
    assertThat(s.path("hooks").path("Stop").size()).isEqualTo(1);
    JsonNode pre = s.path("hooks").path("PreToolUse");
    assertThat(pre.size()).isEqualTo(2);
    assertThat(pre.get(0).path("hooks").get(0).path("command").asText()).isEqualTo("./lint.sh");
    assertThat(pre.get(1).path("hooks").get(0).path("timeout").asInt()).isEqualTo(90);
    assertThat(s.path("allowedHttpHookUrls").toString())
        .isEqualTo("[\"https://hooks.example.com/*\",\"http://127.0.0.1:8420/*\"]");
  }

  @Test
  void invalidExistingSettings_areRefusedAndLeftAlone() throws Exception {
    Files.createDirectories(project.resolve(".claude"));
    Files.writeString(project.resolve(".claude/settings.json"), "{\"hooks\": {onFailure: block}}");

    CliRun r = install();

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("not valid JSON").contains("loads no hooks");
    assertThat(Files.readString(project.resolve(".claude/settings.json"))).isEqualTo("{\"hooks\": {onFailure: block}}");
  }

  @Test
  void commandHook_runsCountersignHookClaudeCode() throws Exception {
    CliRun r = install("--command", "--countersign", "/opt/countersign/countersign", "--timeout", "30");

    assertThat(r.exitCode()).as(r.err()).isZero();
    JsonNode handler = settings().path("hooks").path("PreToolUse").get(0).path("hooks").get(0);
    assertThat(handler.path("type").asText()).isEqualTo("command");
    assertThat(handler.path("command").asText())
        .isEqualTo("/opt/countersign/countersign hook claude-code --url 'http://127.0.0.1:8420/v1/hooks/claude-code' --timeout 25");
    assertThat(handler.path("onFailure").asText()).isEqualTo("block");
    assertThat(settings().has("allowedHttpHookUrls")).isFalse();
  }

  @Test
  void narrowing_isPutInTheHookUrl() throws Exception {
    assertThat(install("--env", "production", "--service", "payments-api").exitCode()).isZero();

    assertThat(settings().path("hooks").path("PreToolUse").get(0).path("hooks").get(0).path("url").asText())
        .isEqualTo("http://127.0.0.1:8420/v1/hooks/claude-code?environment=production&service=payments-api");
  }

  @Test
  void unknownAgent_isAnInputError() {
    CliRun r = CliRun.of("hook", "install", "kiro", "--project", project.toString(), "--url", "http://127.0.0.1:8420");

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("unknown agent 'kiro'");
  }

  // ---- codex, cursor, gemini, copilot: command hooks that run `countersign hook AGENT`

  /** Per agent: its hook file, an existing file with someone else's hooks in it, and a check that they were kept. */
  enum Agent {
    CODEX("codex", ".codex/hooks.json",
        """
        {"hooks": {"PreToolUse": [{"matcher": "Bash", "hooks": [{"type": "command", "command": "./lint.sh", "timeout": 5}]}],
                   "Stop": [{"hooks": [{"type": "command", "command": "say done"}]}]}}
        """,
        s -> s.path("hooks").path("Stop").get(0).path("hooks").get(0).path("command").asText().equals("say done")
            && s.path("hooks").path("PreToolUse").get(0).path("hooks").get(0).path("command").asText().equals("./lint.sh")
            && s.path("hooks").path("PreToolUse").size() == 2),
    CURSOR("cursor", ".cursor/hooks.json",
        """
        {"version": 1, "hooks": {"beforeShellExecution": [{"command": "./audit.sh"}], "afterFileEdit": [{"command": "./fmt.sh"}]}}
        """,
        s -> s.path("hooks").path("beforeShellExecution").get(0).path("command").asText().equals("./audit.sh")
            && s.path("hooks").path("beforeShellExecution").size() == 2
            && s.path("hooks").path("afterFileEdit").size() == 1),
    GEMINI("gemini", ".gemini/settings.json",
        """
        {"theme": "GitHub", "hooks": {"BeforeTool": [{"matcher": "write_file", "hooks": [{"type": "command", "command": "./check.sh"}]}]}}
        """,
        s -> s.path("theme").asText().equals("GitHub")
            && s.path("hooks").path("BeforeTool").get(0).path("matcher").asText().equals("write_file")
            && s.path("hooks").path("BeforeTool").size() == 2),
    COPILOT("copilot", ".github/hooks/countersign.json",
        """
        {"version": 1, "hooks": {"preToolUse": [{"type": "command", "bash": "./scan.sh", "timeoutSec": 10}],
                                 "sessionStart": [{"type": "command", "bash": "echo hi"}]}}
        """,
        s -> s.path("hooks").path("preToolUse").get(0).path("bash").asText().equals("./scan.sh")
            && s.path("hooks").path("preToolUse").size() == 2
            && s.path("hooks").path("sessionStart").size() == 1);

    final String name;
    final String file;
    final String existing;
    final java.util.function.Predicate<JsonNode> othersKept;

    Agent(String name, String file, String existing, java.util.function.Predicate<JsonNode> othersKept) {
      this.name = name;
      this.file = file;
      this.existing = existing;
      this.othersKept = othersKept;
    }
  }

  private CliRun install(Agent agent, String... extra) {
    java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of(
        "hook", "install", agent.name, "--project", project.toString(), "--url", "http://127.0.0.1:8420"));
    args.addAll(java.util.List.of(extra));
    return CliRun.of(args.toArray(String[]::new));
  }

  private JsonNode file(Agent agent) throws Exception {
    return JSON.readTree(Files.readString(project.resolve(agent.file)));
  }

  private static String relayLine(String agent, int relayTimeout) {
    return "countersign hook " + agent + " --url 'http://127.0.0.1:8420/v1/hooks/" + agent + "' --timeout " + relayTimeout + " || exit 2";
  }

  @Test
  void codex_getsAPreToolUseCommandHookForEveryTool_andATrustNote() throws Exception {
    CliRun r = install(Agent.CODEX);

    assertThat(r.exitCode()).as(r.err()).isZero();
    JsonNode group = file(Agent.CODEX).path("hooks").path("PreToolUse").get(0);
    assertThat(group.path("matcher").asText()).isEqualTo("*");
    assertThat(group.path("hooks").toString()).isEqualTo(
        "[{\"type\":\"command\",\"command\":\"" + relayLine("codex", 55).replace("'", "'") + "\",\"timeout\":60}]");
    assertThat(r.out()).contains("checked it").contains("trusted").contains("--dangerously-bypass-hook-trust")
        .contains("export COUNTERSIGN_TOKEN=");
  }

  @Test
  void cursor_getsFailClosedShellMcpAndReadHooks_withAMillisecondTimeout() throws Exception {
    CliRun r = install(Agent.CURSOR);

    assertThat(r.exitCode()).as(r.err()).isZero();
    JsonNode s = file(Agent.CURSOR);
    assertThat(s.path("version").asInt()).isEqualTo(1);
    for (String event : List.of("beforeShellExecution", "beforeMCPExecution", "beforeReadFile")) {
      assertThat(s.path("hooks").path(event).toString()).as(event).isEqualTo(
          "[{\"command\":\"" + relayLine("cursor", 55) + "\",\"timeout\":60000,\"failClosed\":true}]");
    }
  }

  @Test
  void gemini_getsABeforeToolHookForEveryTool_withAMillisecondTimeout() throws Exception {
    CliRun r = install(Agent.GEMINI, "--timeout", "30");

    assertThat(r.exitCode()).as(r.err()).isZero();
    JsonNode group = file(Agent.GEMINI).path("hooks").path("BeforeTool").get(0);
    assertThat(group.path("matcher").asText()).isEqualTo(".*");
    assertThat(group.path("hooks").toString()).isEqualTo(
        "[{\"name\":\"countersign\",\"type\":\"command\",\"command\":\"" + relayLine("gemini", 25) + "\",\"timeout\":30000}]");
    assertThat(r.out()).contains("trusted folder").contains("GEMINI_CLI_TRUST_WORKSPACE=true");
  }

  @Test
  void copilot_getsAPreToolUseBashHook_withTimeoutSec() throws Exception {
    CliRun r = install(Agent.COPILOT, "--env", "production");

    assertThat(r.exitCode()).as(r.err()).isZero();
    JsonNode s = file(Agent.COPILOT);
    assertThat(s.path("version").asInt()).isEqualTo(1);
    assertThat(s.path("hooks").path("preToolUse").toString()).isEqualTo("[{\"type\":\"command\",\"bash\":\""
        + relayLine("copilot", 55).replace("/v1/hooks/copilot'", "/v1/hooks/copilot?environment=production'") + "\",\"timeoutSec\":60}]");
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.EnumSource(Agent.class)
  void otherHooksInTheFile_areKept_andAnEarlierCountersignHookIsReplaced(Agent agent) throws Exception {
    Path f = project.resolve(agent.file);
    Files.createDirectories(f.getParent());
    Files.writeString(f, agent.existing);

    assertThat(install(agent, "--timeout", "30").exitCode()).isZero();
    CliRun again = install(agent, "--timeout", "90");

    assertThat(again.exitCode()).as(again.err()).isZero();
    JsonNode s = file(agent);
    assertThat(agent.othersKept.test(s)).as(s.toPrettyString()).isTrue();
    assertThat(s.toString()).contains("--timeout 85 || exit 2").doesNotContain("--timeout 25");
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.EnumSource(Agent.class)
  void installingTwice_leavesTheFileByteForByteTheSame(Agent agent) throws Exception {
    assertThat(install(agent).exitCode()).isZero();
    String first = Files.readString(project.resolve(agent.file));

    CliRun again = install(agent);

    assertThat(again.exitCode()).as(again.err()).isZero();
    assertThat(Files.readString(project.resolve(agent.file))).isEqualTo(first);
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.EnumSource(Agent.class)
  void brokenExistingFile_isRefusedWithItsName_andLeftAlone(Agent agent) throws Exception {
    Path f = project.resolve(agent.file);
    Files.createDirectories(f.getParent());
    Files.writeString(f, "{\"hooks\": {PreToolUse: []},}");

    CliRun r = install(agent);

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains(f.toString()).contains("not valid JSON").contains("nothing was changed");
    assertThat(Files.readString(f)).isEqualTo("{\"hooks\": {PreToolUse: []},}");
    try (var files = Files.list(f.getParent())) {
      assertThat(files).as("no temporary file left behind").containsExactly(f);
    }
  }

  @Test
  void cursorFileOfAnotherVersion_isRefusedAndLeftAlone() throws Exception {
    Path f = project.resolve(Agent.CURSOR.file);
    Files.createDirectories(f.getParent());
    Files.writeString(f, "{\"version\": 2, \"hooks\": {}}");

    CliRun r = install(Agent.CURSOR);

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("\"version\": 2");
    assertThat(Files.readString(f)).isEqualTo("{\"version\": 2, \"hooks\": {}}");
  }

  @Test
  void httpHook_isRefusedForCodex() {
    CliRun r = install(Agent.CODEX, "--http");

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("--http is for claude-code only");
    assertThat(project.resolve(Agent.CODEX.file)).doesNotExist();
  }

  @Test
  void installedCommand_exitsTwoWithAReason_whenCountersignIsNotThere() throws Exception {
    assertThat(install(Agent.CODEX, "--countersign", project.resolve("no-such-countersign").toString()).exitCode()).isZero();
    String line = file(Agent.CODEX).path("hooks").path("PreToolUse").get(0).path("hooks").get(0).path("command").asText();

    Process p = new ProcessBuilder("sh", "-c", line).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
    String stderr = new String(p.getErrorStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);

    assertThat(p.waitFor()).as("exit 2 is the only failure Codex treats as block").isEqualTo(2);
    assertThat(stderr).contains("no-such-countersign");
  }
}
