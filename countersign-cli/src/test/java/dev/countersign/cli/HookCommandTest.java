package dev.countersign.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.countersign.cli.hook.ClaudeCodeHookCommand;
import picocli.CommandLine;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code countersign hook claude-code}: relays the hook JSON and fails closed (exit 2, reason on
 * stderr) on every failure.
 */
class HookCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path dataDir;

  record Result(int code, String out, String err) {}

  private static Result relay(String stdin, Map<String, String> env, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    ClaudeCodeHookCommand command = new ClaudeCodeHookCommand();
    new CommandLine(command).parseArgs(args);
    int code = command.relay(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), env);
    return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private static String corpus(String name) throws IOException {
    return Files.readString(Path.of("../countersign-server/src/test/resources/agents/" + name));
  }

  /** A stand-in server that answers every request with a fixed status and body, after a delay. */
  private static HttpServer fake(int status, String body, Duration delay) throws IOException {
    HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    s.createContext("/", x -> {
      try {
        Thread.sleep(delay.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      byte[] b = body.getBytes(StandardCharsets.UTF_8);
      x.sendResponseHeaders(status, b.length == 0 ? -1 : b.length);
      if (b.length > 0) {
        x.getResponseBody().write(b);
      }
      x.close();
    });
    s.start();
    return s;
  }

  private static String url(HttpServer s) {
    return "http://127.0.0.1:" + s.getAddress().getPort();
  }

  @Test
  void serverDown_blocksWithExitCode2() throws IOException {
    Result r = relay(corpus("claude_PreToolUse_Bash_stdin.json"),
        Map.of("COUNTERSIGN_URL", "http://127.0.0.1:1", "COUNTERSIGN_TOKEN", "cs_x"));

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).contains("Countersign blocked this tool call").contains("unreachable");
  }

  @Test
  void missingToken_blocks() {
    Result r = relay("{}", Map.of("COUNTERSIGN_URL", "http://127.0.0.1:1"));

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("COUNTERSIGN_TOKEN is not set");
  }

  @Test
  void missingUrl_blocks() {
    Result r = relay("{}", Map.of("COUNTERSIGN_TOKEN", "cs_x"));

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("no server");
  }

  @Test
  void serverError_blocks() throws IOException {
    HttpServer s = fake(500, "{\"error\":\"internal_error\",\"message\":\"boom\"}", Duration.ZERO);
    try {
      Result r = relay("{}", Map.of("COUNTERSIGN_URL", url(s), "COUNTERSIGN_TOKEN", "cs_x"));

      assertThat(r.code()).isEqualTo(2);
      assertThat(r.err()).contains("HTTP 500").contains("boom");
    } finally {
      s.stop(0);
    }
  }

  @Test
  void answerThatIsNoHookDecision_blocks() throws IOException {
    HttpServer s = fake(200, "{}", Duration.ZERO);
    try {
      Result r = relay("{}", Map.of("COUNTERSIGN_URL", url(s), "COUNTERSIGN_TOKEN", "cs_x"));

      assertThat(r.code()).isEqualTo(2);
      assertThat(r.err()).contains("not a hook decision");
    } finally {
      s.stop(0);
    }
  }

  @Test
  void slowServer_blocksAfterTheTimeout() throws IOException {
    HttpServer s = fake(200, "{\"hookSpecificOutput\":{}}", Duration.ofSeconds(5));
    try {
      Result r = relay("{}", Map.of("COUNTERSIGN_URL", url(s), "COUNTERSIGN_TOKEN", "cs_x"), "--timeout", "1");

      assertThat(r.code()).isEqualTo(2);
      assertThat(r.err()).contains("did not answer within 1 s");
    } finally {
      s.stop(0);
    }
  }

  @Test
  void realServer_deniesTheDestructiveCommand_andTheRelayPrintsIt() throws IOException {
    try (LiveServer server = new LiveServer(dataDir, Duration.ZERO)) {
      String token = server.token("kiro-7", "--env", "production", "--service", "payments-api");

      Result r = relay(corpus("claude_PreToolUse_Bash_stdin.json"),
          Map.of("COUNTERSIGN_URL", server.url(), "COUNTERSIGN_TOKEN", token));

      assertThat(r.code()).as(r.err()).isZero();
      JsonNode out = JSON.readTree(r.out()).path("hookSpecificOutput");
      assertThat(out.path("permissionDecision").asText()).isEqualTo("deny");
      assertThat(out.path("permissionDecisionReason").asText()).contains("agent-least-privilege");
    }
  }

  @Test
  void realServer_answersGarbageWithADeny() {
    try (LiveServer server = new LiveServer(dataDir, Duration.ZERO)) {
      String token = server.token("kiro-7", "--env", "production", "--service", "payments-api");

      Result r = relay("this is not json", Map.of("COUNTERSIGN_URL", server.url(), "COUNTERSIGN_TOKEN", token));

      assertThat(r.code()).isZero();
      assertThat(r.out()).contains("\"permissionDecision\":\"deny\"").contains("not valid JSON");
    }
  }

  @Test
  void realServer_withAnUnknownToken_blocks() {
    try (LiveServer server = new LiveServer(dataDir, Duration.ZERO)) {
      Result r = relay("{}", Map.of("COUNTERSIGN_URL", server.url(), "COUNTERSIGN_TOKEN", "cs_unknown"));

      assertThat(r.code()).isEqualTo(2);
      assertThat(r.err()).contains("HTTP 401");
    }
  }

  @Test
  void usageError_blocksToo() {
    CliRun r = CliRun.of("hook", "claude-code", "--no-such-option");

    assertThat(r.exitCode()).isEqualTo(2);
  }
}
