package dev.countersign.cli.hook;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.countersign.cli.InputError;
import dev.countersign.cli.Main;
import dev.countersign.cli.remote.ServerOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code countersign hook install claude-code}: writes (or merges) the Countersign hook into a
 * project's {@code .claude/settings.json}, fail closed, then re-reads the file and checks it.
 */
@Command(
    name = "install",
    mixinStandardHelpOptions = true,
    description = {
      "Put an agent under Countersign: write the PreToolUse hook into <project>/.claude/settings.json (merged with what is there), with \"onFailure\": \"block\", a timeout, and the URL and token allow-lists an http hook needs; then re-read and check the file.",
      "Claude Code runs tools when a hook fails or when its settings file is not valid JSON: this command makes both fail closed and verifies it."
    })
public final class InstallCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "AGENT", description = "the agent client: claude-code")
  String agent = "";

  @Option(names = "--url", paramLabel = "URL", description = "the Countersign server's base URL (default: $COUNTERSIGN_URL)")
  Optional<String> url = Optional.empty();

  @Option(names = "--project", paramLabel = "DIR", description = "the project directory (default: the current one)")
  Path project = Path.of(".");

  @ArgGroup(exclusive = true)
  Kind kind = new Kind();

  /** Which handler type to install. */
  static final class Kind {
    @Option(names = "--http", description = "Claude Code calls the server directly (the default)")
    boolean http;

    @Option(names = "--command", description = "Claude Code runs `countersign hook claude-code`, which calls the server")
    boolean command;
  }

  @Option(names = "--timeout", paramLabel = "SECONDS", description = "the hook's timeout; must exceed the server's --hook-hold (default: ${DEFAULT-VALUE})")
  int timeoutSeconds = 60;

  @Option(names = "--matcher", paramLabel = "REGEX", description = "which tools go through Countersign (default: every tool, ${DEFAULT-VALUE})")
  String matcher = "*";

  @Option(names = "--token-env", paramLabel = "NAME", description = "the environment variable that holds the agent's token (default: ${DEFAULT-VALUE})")
  String tokenEnv = ServerOptions.TOKEN_ENV;

  @Option(names = "--countersign", paramLabel = "CMD", description = "how the command hook runs countersign (default: ${DEFAULT-VALUE})")
  String countersign = "countersign";

  @Option(names = "--env", paramLabel = "ENV", description = "narrow the token's target to this environment (must be the token's)")
  Optional<String> environment = Optional.empty();

  @Option(names = "--service", paramLabel = "SERVICE", description = "narrow the token's target to these services (a subset of the token's)")
  List<String> services = new ArrayList<>();

  @Override
  public Integer call() {
    if (!agent.equals("claude-code")) {
      throw new InputError("unknown agent '" + agent + "' (expected claude-code; Codex uses the same hook format, see docs/agent-hooks.md)");
    }
    if (!tokenEnv.matches("[A-Za-z_][A-Za-z0-9_]*")) {
      throw new InputError("--token-env must be an environment variable name");
    }
    URI base = ServerOptions.baseUrl(url.or(() -> ServerOptions.env(ServerOptions.URL_ENV)));
    HookEntry entry = new HookEntry(!kind.command, hookUrl(base), tokenEnv, timeoutSeconds, countersign);
    Path file = project.resolve(".claude").resolve("settings.json");
    ObjectNode before = read(file);
    write(file, ClaudeSettings.render(ClaudeSettings.merge(before, entry, matcher)));
    List<String> problems = ClaudeSettings.problems(ClaudeSettings.parse(readText(file), file.toString()), entry);
    if (!problems.isEmpty()) {
      throw new InputError(file + " was written but does not check out: " + String.join("; ", problems));
    }
    System.out.println("Wrote the Countersign " + (entry.http() ? "http" : "command") + " hook to " + file + " and checked it:");
    System.out.println("  every " + (matcher.equals("*") ? "" : matcher + " ") + "tool call goes to " + entry.hookUrl()
        + ", timeout " + timeoutSeconds + " s, onFailure block.");
    System.out.println("Give Claude Code the agent's scoped token before you start it:");
    System.out.println("  export " + tokenEnv + "=$(countersign token create --principal AGENT --env ENV --service SERVICE | tail -n1)");
    if (!entry.http()) {
      System.out.println("The command hook also needs `" + countersign + "` on Claude Code's PATH.");
    }
    return Main.OK;
  }

  private URI hookUrl(URI base) {
    StringBuilder q = new StringBuilder();
    environment.ifPresent(e -> q.append("environment=").append(URLEncoder.encode(e, StandardCharsets.UTF_8)));
    for (String s : services) {
      q.append(q.isEmpty() ? "" : "&").append("service=").append(URLEncoder.encode(s, StandardCharsets.UTF_8));
    }
    return URI.create(base + HookEntry.PATH + (q.isEmpty() ? "" : "?" + q));
  }

  private static ObjectNode read(Path file) {
    if (!Files.exists(file)) {
      return JsonNodeFactory.instance.objectNode();
    }
    return ClaudeSettings.parse(readText(file), file.toString());
  }

  private static String readText(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes via a temporary file and a rename, so Claude Code never sees a half-written file. */
  private static void write(Path file, String text) {
    try {
      Files.createDirectories(file.getParent());
      Path tmp = Files.createTempFile(file.getParent(), "settings", ".json.tmp");
      Files.writeString(tmp, text, StandardCharsets.UTF_8);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
