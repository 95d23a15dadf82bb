package dev.countersign.cli;

import dev.countersign.cli.ExternalProcess.Result;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The real OpenAI Codex CLI, pinned ({@link PinnedNpmClient}), and run with exactly the environment
 * the test gives it.
 */
final class CodexCli {
  static final String VERSION = "0.169.0";
  static final PinnedNpmClient PACKAGE = new PinnedNpmClient("@openai/codex", VERSION, "codex", "codex");

  private final Path binary;

  private CodexCli(Path binary) {
    this.binary = binary;
  }

  /** The pinned CLI, installing it first when the cache does not have it. */
  static CodexCli installed() throws IOException, InterruptedException {
    return new CodexCli(PACKAGE.installed(CodexCli::version, v -> v.endsWith(VERSION), ""));
  }

  private static String version(Path binary) throws IOException, InterruptedException {
    return PinnedNpmClient.versionOutput(binary, Map.of("PATH", "/usr/local/bin:/usr/bin:/bin"));
  }

  /** Runs {@code codex exec ARGS... PROMPT} in {@code project} with exactly {@code env}. */
  Result exec(Path project, Map<String, String> env, List<String> args, String prompt, int timeoutSeconds)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(binary.toString(), "exec"));
    command.addAll(args);
    command.add(prompt);
    return ExternalProcess.run(command, project, env, timeoutSeconds);
  }
}
