package dev.countersign.cli;

import static org.assertj.core.api.Assertions.fail;

import dev.countersign.cli.ClaudeCodeCli.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The real Gemini CLI, pinned: installed from the npm registry into the same cache area as {@link
 * ClaudeCodeCli} on first use (reused afterwards), and run with exactly the environment the test
 * gives it. The package is a Node bundle ({@code bundle/gemini.js}), so {@code node} must be on the
 * PATH. Never skips: if npm cannot install it, the test fails and says why.
 */
final class GeminiCli {
  static final String VERSION = "0.61.0";
  static final String PACKAGE = "@google/gemini-cli@" + VERSION;
  static final String PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

  private final Path binary;

  private GeminiCli(Path binary) {
    this.binary = binary;
  }

  /** The cache folder, next to Claude Code's: {@code ~/.cache/countersign-e2e/gemini-cli-VERSION}. */
  static Path cacheDir() {
    return ClaudeCodeCli.cacheDir().resolveSibling("gemini-cli-" + VERSION);
  }

  /** The pinned CLI, installing it first when the cache does not have it. */
  static GeminiCli installed() throws IOException, InterruptedException {
    Path prefix = cacheDir();
    Path binary = prefix.resolve("node_modules/.bin/gemini");
    if (!version(binary).equals(VERSION)) {
      Files.createDirectories(prefix);
      Result npm = ClaudeCodeCli.run(List.of("npm", "install", "--prefix", prefix.toString(), "--no-audit", "--no-fund", PACKAGE),
          prefix, System.getenv(), 300);
      if (npm.code() != 0) {
        fail("could not install " + PACKAGE + " with npm (exit " + npm.code() + "); the real-client test needs the npm registry:\n" + npm.output());
      }
      String v = version(binary);
      if (!v.equals(VERSION)) {
        fail("npm installed " + PACKAGE + " but `gemini --version` says '" + v + "' (is node on " + PATH + "?)");
      }
    }
    return new GeminiCli(binary);
  }

  private static String version(Path binary) throws IOException, InterruptedException {
    if (!Files.isExecutable(binary)) {
      return "";
    }
    Path home = Files.createTempDirectory("gemini-version-home");
    Result r;
    try {
      r = ClaudeCodeCli.run(List.of(binary.toString(), "--version"), binary.getParent(), Map.of("PATH", PATH, "HOME", home.toString()), 60);
    } finally {
      try (var files = Files.walk(home)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
      }
    }
    if (r.code() != 0) {
      return "";
    }
    String[] lines = r.output().strip().split("\n");
    return lines[lines.length - 1].strip();
  }

  /** Runs {@code gemini -p PROMPT ARGS...} in {@code project} with exactly {@code env}. */
  Result prompt(Path project, Map<String, String> env, String prompt, List<String> args, int timeoutSeconds)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(binary.toString(), "-p", prompt));
    command.addAll(args);
    return ClaudeCodeCli.run(command, project, env, timeoutSeconds);
  }
}
