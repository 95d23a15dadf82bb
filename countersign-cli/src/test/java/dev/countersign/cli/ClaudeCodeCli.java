package dev.countersign.cli;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real Claude Code CLI, pinned: installed from the npm registry into a cache folder on first
 * use (reused afterwards), and run the way AGENT-PROTOCOLS.md §10 step 5 runs it, with a clean
 * environment so that only 127.0.0.1 is talked to. Never skips: if npm cannot install it, the test
 * fails and says why.
 */
final class ClaudeCodeCli {
  static final String VERSION = "2.1.330";
  static final String PACKAGE = "@anthropic-ai/claude-code@" + VERSION;

  private final Path binary;

  private ClaudeCodeCli(Path binary) {
    this.binary = binary;
  }

  /** The cache folder: {@code -Dcountersign.e2e.cache}, else {@code ~/.cache/countersign-e2e}. */
  static Path cacheDir() {
    String configured = System.getProperty("countersign.e2e.cache", "");
    Path base = configured.isBlank()
        ? Path.of(System.getProperty("user.home"), ".cache", "countersign-e2e")
        : Path.of(configured);
    return base.resolve("claude-code-" + VERSION);
  }

  /** The pinned CLI, installing it first when the cache does not have it. */
  static ClaudeCodeCli installed() throws IOException, InterruptedException {
    Path prefix = cacheDir();
    Path binary = prefix.resolve("node_modules/.bin/claude");
    if (!version(binary).startsWith(VERSION)) {
      Files.createDirectories(prefix);
      Result npm = run(List.of("npm", "install", "--prefix", prefix.toString(), "--no-audit", "--no-fund", PACKAGE),
          prefix, System.getenv(), 300);
      if (npm.code() != 0) {
        fail("could not install " + PACKAGE + " with npm (exit " + npm.code() + "); the real-client test needs the npm registry:\n" + npm.output());
      }
      String v = version(binary);
      if (!v.startsWith(VERSION)) {
        fail("npm installed " + PACKAGE + " but `claude --version` says '" + v + "'");
      }
    }
    return new ClaudeCodeCli(binary);
  }

  private static String version(Path binary) throws IOException, InterruptedException {
    if (!Files.isExecutable(binary)) {
      return "";
    }
    Result r = run(List.of(binary.toString(), "--version"), binary.getParent(), Map.of("PATH", "/usr/bin:/bin"), 60);
    return r.code() == 0 ? r.output().strip() : "";
  }

  /** Runs {@code claude -p PROMPT ARGS...} in {@code project} with exactly {@code env}. */
  Result print(Path project, Map<String, String> env, String prompt, List<String> args, int timeoutSeconds)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(binary.toString(), "-p", prompt));
    command.addAll(args);
    return run(command, project, env, timeoutSeconds);
  }

  /** What a process printed (stdout and stderr together) and its exit code (-1: killed on timeout). */
  record Result(int code, String output) {}

  static Result run(List<String> command, Path dir, Map<String, String> env, int timeoutSeconds)
      throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
    pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
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
