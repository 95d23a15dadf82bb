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
 * The real OpenAI Codex CLI, pinned: installed from the npm registry into the same cache area as
 * {@link ClaudeCodeCli} on first use (reused afterwards), and run with exactly the environment the
 * test gives it. Never skips: if npm cannot install it, the test fails and says why.
 */
final class CodexCli {
  static final String VERSION = "0.169.0";
  static final String PACKAGE = "@openai/codex@" + VERSION;

  private final Path binary;

  private CodexCli(Path binary) {
    this.binary = binary;
  }

  /** The cache folder, next to Claude Code's: {@code ~/.cache/countersign-e2e/codex-VERSION}. */
  static Path cacheDir() {
    return ClaudeCodeCli.cacheDir().resolveSibling("codex-" + VERSION);
  }

  /** The pinned CLI, installing it first when the cache does not have it. */
  static CodexCli installed() throws IOException, InterruptedException {
    Path prefix = cacheDir();
    Path binary = prefix.resolve("node_modules/.bin/codex");
    if (!version(binary).endsWith(VERSION)) {
      Files.createDirectories(prefix);
      Result npm = ClaudeCodeCli.run(List.of("npm", "install", "--prefix", prefix.toString(), "--no-audit", "--no-fund", PACKAGE),
          prefix, System.getenv(), 300);
      if (npm.code() != 0) {
        fail("could not install " + PACKAGE + " with npm (exit " + npm.code() + "); the real-client test needs the npm registry:\n" + npm.output());
      }
      String v = version(binary);
      if (!v.endsWith(VERSION)) {
        fail("npm installed " + PACKAGE + " but `codex --version` says '" + v + "'");
      }
    }
    return new CodexCli(binary);
  }

  private static String version(Path binary) throws IOException, InterruptedException {
    if (!Files.isExecutable(binary)) {
      return "";
    }
    Result r = ClaudeCodeCli.run(List.of(binary.toString(), "--version"), binary.getParent(),
        Map.of("PATH", "/usr/local/bin:/usr/bin:/bin"), 60);
    return r.code() == 0 ? r.output().strip() : "";
  }

  /** Runs {@code codex exec ARGS... PROMPT} in {@code project} with exactly {@code env}. */
  Result exec(Path project, Map<String, String> env, List<String> args, String prompt, int timeoutSeconds)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(binary.toString(), "exec"));
    command.addAll(args);
    command.add(prompt);
    return ClaudeCodeCli.run(command, project, env, timeoutSeconds);
  }
}
