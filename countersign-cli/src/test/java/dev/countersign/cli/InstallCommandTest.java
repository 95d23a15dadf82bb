package dev.countersign.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
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
    CliRun r = CliRun.of("hook", "install", "cursor", "--project", project.toString(), "--url", "http://127.0.0.1:8420");

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("unknown agent 'cursor'");
  }
}
