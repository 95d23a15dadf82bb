package dev.countersign.cli;

import dev.countersign.cli.ExternalProcess.Result;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The real Claude Code CLI, pinned ({@link PinnedNpmClient}), and run the way AGENT-PROTOCOLS.md
 * §10 step 5 runs it, with a clean environment so that only 127.0.0.1 is talked to.
 */
final class ClaudeCodeCli {
  static final String VERSION = "2.1.330";
  static final PinnedNpmClient PACKAGE = new PinnedNpmClient("@anthropic-ai/claude-code", VERSION, "claude-code", "claude");

  private final Path binary;

  private ClaudeCodeCli(Path binary) {
    this.binary = binary;
  }

  /** The pinned CLI, installing it first when the cache does not have it. */
  static ClaudeCodeCli installed() throws IOException, InterruptedException {
    return new ClaudeCodeCli(PACKAGE.installed(ClaudeCodeCli::version, v -> v.startsWith(VERSION), ""));
  }

  private static String version(Path binary) throws IOException, InterruptedException {
    return PinnedNpmClient.versionOutput(binary, Map.of("PATH", "/usr/bin:/bin"));
  }

  /** Runs {@code claude -p PROMPT ARGS...} in {@code project} with exactly {@code env}. */
  Result print(Path project, Map<String, String> env, String prompt, List<String> args, int timeoutSeconds)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(binary.toString(), "-p", prompt));
    command.addAll(args);
    return ExternalProcess.run(command, project, env, timeoutSeconds);
  }
}
