package dev.countersign.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code countersign serve} started as a separate JVM, so a test sees what an operator sees: its
 * output lines (kept, so a test can wait for one) and its HTTP API on a free port.
 */
final class ServerProcess implements AutoCloseable {
  private static final Pattern RUNNING = Pattern.compile("running at (http://127\\.0\\.0\\.1:\\d+)");
  /** Generous: a loaded CI machine may take long to start a JVM or to notice a file change. */
  static final Duration PATIENCE = Duration.ofSeconds(60);

  private final Process process;
  private final List<String> lines = new ArrayList<>();
  private boolean outputEnded; // guarded by lines
  private final String url;

  private ServerProcess(Process process) {
    this.process = process;
    Thread.ofVirtual().name("server-output").start(this::collectOutput);
    this.url = awaitLine(RUNNING, 0)
        .map(m -> m.group(1))
        .orElseThrow(() -> new AssertionError("server did not start; output:\n" + output()));
  }

  /** Starts {@code countersign serve --port 0} with {@code arguments} added. */
  static ServerProcess start(String... arguments) throws IOException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"),
        Main.class.getName(), "serve", "--port", "0"));
    command.addAll(List.of(arguments));
    return new ServerProcess(new ProcessBuilder(command).redirectErrorStream(true).start());
  }

  /** The server's base URL, e.g. {@code http://127.0.0.1:41234}. */
  String url() {
    return url;
  }

  /** The process, to kill it as a crash would. */
  Process process() {
    return process;
  }

  /** How many output lines the server has printed so far. */
  int linesSoFar() {
    synchronized (lines) {
      return lines.size();
    }
  }

  /**
   * The first line at or after index {@code from} matching {@code pattern}, waiting up to {@link
   * #PATIENCE} for it; empty if none came.
   */
  Optional<Matcher> awaitLine(Pattern pattern, int from) {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    int next = from;
    synchronized (lines) {
      while (true) {
        for (; next < lines.size(); next++) {
          Matcher m = pattern.matcher(lines.get(next));
          if (m.find()) {
            return Optional.of(m);
          }
        }
        long left = deadline - System.nanoTime();
        if (left <= 0 || outputEnded) {
          return Optional.empty();
        }
        try {
          lines.wait(TimeUnit.NANOSECONDS.toMillis(left) + 1);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return Optional.empty();
        }
      }
    }
  }

  /** Everything the server printed so far, for failure messages. */
  String output() {
    synchronized (lines) {
      return String.join("\n", lines);
    }
  }

  /**
   * Runs {@code countersign token create --principal ID} in this JVM against the running server's
   * data (as an operator would from a second terminal) and returns the token.
   */
  static String createToken(String principal, String... options) {
    List<String> args = new ArrayList<>(List.of("token", "create", "--principal", principal));
    args.addAll(List.of(options));
    PrintStream out = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    int code;
    try {
      code = Main.run(args.toArray(String[]::new));
    } finally {
      System.setOut(out);
    }
    assertThat(code).as("token create for %s", principal).isZero();
    String[] printed = captured.toString(StandardCharsets.UTF_8).strip().split("\n");
    return printed[printed.length - 1].strip();
  }

  /** Kills the server at once (SIGKILL: no shutdown hook runs). */
  @Override
  public void close() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  private void collectOutput() {
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        synchronized (lines) {
          lines.add(line);
          lines.notifyAll();
        }
      }
    } catch (IOException e) {
      // The process ended: nothing more to read.
    } finally {
      synchronized (lines) {
        outputEnded = true;
        lines.notifyAll();
      }
    }
  }
}
