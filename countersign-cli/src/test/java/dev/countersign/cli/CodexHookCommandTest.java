package dev.countersign.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.countersign.cli.hook.CodexHookCommand;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code countersign hook codex} speaks the part of Claude Code's hook output that Codex 0.169
 * accepts: a deny is printed, an allow prints nothing (Codex reports {@code permissionDecision:
 * allow} as a failed hook), and any other decision blocks.
 */
class CodexHookCommandTest {
  record Result(int code, String out, String err) {}

  private static Result relay(String answer) throws IOException {
    HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    s.createContext("/", x -> {
      x.getRequestBody().readAllBytes();
      byte[] b = answer.getBytes(StandardCharsets.UTF_8);
      x.sendResponseHeaders(200, b.length);
      x.getResponseBody().write(b);
      x.close();
    });
    s.start();
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      CodexHookCommand command = new CodexHookCommand();
      new CommandLine(command).parseArgs("--timeout", "5");
      int code = command.relay(new ByteArrayInputStream("{\"tool_name\":\"Bash\"}".getBytes(StandardCharsets.UTF_8)),
          new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
          Map.of("COUNTERSIGN_URL", "http://127.0.0.1:" + s.getAddress().getPort(), "COUNTERSIGN_TOKEN", "cs_x"));
      return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } finally {
      s.stop(0);
    }
  }

  @Test
  void allow_printsNothing_soCodexSeesASuccessfulHook() throws IOException {
    Result r = relay("{\"hookSpecificOutput\":{\"hookEventName\":\"PreToolUse\",\"permissionDecision\":\"allow\",\"permissionDecisionReason\":\"ok\"}}");

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).isEmpty();
  }

  @Test
  void deny_isPrintedAsTheServerSaidIt() throws IOException {
    String deny = "{\"hookSpecificOutput\":{\"hookEventName\":\"PreToolUse\",\"permissionDecision\":\"deny\",\"permissionDecisionReason\":\"no\"}}";

    Result r = relay(deny);

    assertThat(r.code()).isZero();
    assertThat(r.out().strip()).isEqualTo(deny);
  }

  @Test
  void ask_whichCodexWouldTreatAsAFailedHookAndRun_blocksWithExitCode2() throws IOException {
    Result r = relay("{\"hookSpecificOutput\":{\"hookEventName\":\"PreToolUse\",\"permissionDecision\":\"ask\"}}");

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).contains("not a hook decision");
  }
}
