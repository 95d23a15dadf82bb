package dev.countersign.cli;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a program outside this JVM (npm, a real agent CLI) with exactly the environment given, no
 * input, and a time limit, and keeps what it printed.
 */
final class ExternalProcess {
  private ExternalProcess() {}

  /** What a process printed (stdout and stderr together) and its exit code (-1: killed on timeout). */
  record Result(int code, String output) {}

  /** Runs {@code command} in {@code dir} with exactly {@code env}, killing it (and its children) after the limit. */
  static Result run(List<String> command, Path dir, Map<String, String> env, int timeoutSeconds)
      throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
    pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    pb.environment().clear();
    pb.environment().putAll(env);
    Path log = Files.createTempFile("countersign-e2e", ".log");
    pb.redirectOutput(log.toFile());
    Process p = pb.start();
    boolean done = p.waitFor(timeoutSeconds, TimeUnit.SECONDS);
    if (!done) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
      p.waitFor(10, TimeUnit.SECONDS);
    }
    String output = Files.readString(log, StandardCharsets.UTF_8);
    Files.deleteIfExists(log);
    return new Result(done ? p.exitValue() : -1, done ? output : output + "\n(killed after " + timeoutSeconds + " s)");
  }
}
