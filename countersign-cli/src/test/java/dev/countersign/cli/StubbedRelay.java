package dev.countersign.cli;

import com.sun.net.httpserver.HttpServer;
import dev.countersign.cli.hook.RelayingHookCommand;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine;

/**
 * Runs a {@code countersign hook AGENT} command in this JVM (with {@code --timeout 5}) against a
 * loopback stub server that answers every request with one status and body, as a server would.
 */
final class StubbedRelay {
  private StubbedRelay() {}

  /** The command's exit code and what it printed, and the path and raw query it asked the stub for. */
  record Result(int code, String out, String err, String path, String query) {}

  /** Feeds {@code payload} to {@code command} as the agent would, with the stub answering {@code status} and {@code body}. */
  static Result run(RelayingHookCommand command, String payload, int status, String body) throws IOException {
    AtomicReference<String> path = new AtomicReference<>("");
    AtomicReference<String> query = new AtomicReference<>("");
    HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    s.createContext("/", x -> {
      path.set(x.getRequestURI().getPath());
      query.set(java.util.Objects.requireNonNullElse(x.getRequestURI().getRawQuery(), ""));
      x.getRequestBody().readAllBytes();
      byte[] b = body.getBytes(StandardCharsets.UTF_8);
      x.sendResponseHeaders(status, b.length);
      x.getResponseBody().write(b);
      x.close();
    });
    s.start();
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      new CommandLine(command).parseArgs("--timeout", "5");
      int code = command.relay(new ByteArrayInputStream(payload.getBytes(StandardCharsets.UTF_8)),
          new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
          Map.of("COUNTERSIGN_URL", "http://127.0.0.1:" + s.getAddress().getPort(), "COUNTERSIGN_TOKEN", "cs_x"));
      return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), path.get(),
          query.get());
    } finally {
      s.stop(0);
    }
  }
}
