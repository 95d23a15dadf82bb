package dev.countersign.cli;

import dev.countersign.cli.ExternalProcess.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The real Gemini CLI, pinned ({@link PinnedNpmClient}), and run with exactly the environment the
 * test gives it. The package is a Node bundle ({@code bundle/gemini.js}), so {@code node} must be on
 * the PATH.
 */
final class GeminiCli {
  static final String VERSION = "0.61.0";
  static final PinnedNpmClient PACKAGE = new PinnedNpmClient("@google/gemini-cli", VERSION, "gemini-cli", "gemini");
  static final String PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

  private final Path binary;

  private GeminiCli(Path binary) {
    this.binary = binary;
  }

  /** The pinned CLI, installing it first when the cache does not have it. */
  static GeminiCli installed() throws IOException, InterruptedException {
    return new GeminiCli(PACKAGE.installed(GeminiCli::version, VERSION::equals, " (is node on " + PATH + "?)"));
  }

  private static String version(Path binary) throws IOException, InterruptedException {
    if (!Files.isExecutable(binary)) {
      return "";
    }
    Path home = Files.createTempDirectory("gemini-version-home");
    String output;
    try {
      output = PinnedNpmClient.versionOutput(binary, Map.of("PATH", PATH, "HOME", home.toString()));
    } finally {
      try (var files = Files.walk(home)) {
        files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
      }
    }
    String[] lines = output.split("\n");
    return lines[lines.length - 1].strip();
  }

  /** Runs {@code gemini -p PROMPT ARGS...} in {@code project} with exactly {@code env}. */
  Result prompt(Path project, Map<String, String> env, String prompt, List<String> args, int timeoutSeconds)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(binary.toString(), "-p", prompt));
    command.addAll(args);
    return ExternalProcess.run(command, project, env, timeoutSeconds);
  }
}
