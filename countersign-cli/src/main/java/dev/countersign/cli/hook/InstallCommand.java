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
 * {@code countersign hook install AGENT}: writes (or merges) the Countersign hook into the agent's
 * hook file in a project, fail closed, then re-reads the file and checks it. Claude Code gets an
 * http (or command) hook; Codex, Cursor, Gemini CLI and Copilot get a command hook that runs {@code
 * countersign hook AGENT}.
 */
@Command(
    name = "install",
    mixinStandardHelpOptions = true,
    description = {
      "Put an agent under Countersign: write its hook into the project (merged with what is there), fail closed and with a timeout; then re-read and check the file.",
      "claude-code: .claude/settings.json, an http hook (or --command) with \"onFailure\": \"block\".",
      "codex: .codex/hooks.json, a PreToolUse command hook; Codex runs it only once trusted.",
      "cursor: .cursor/hooks.json, beforeShellExecution with \"failClosed\": true.",
      "gemini: .gemini/settings.json, a BeforeTool command hook.",
      "copilot: .github/hooks/countersign.json, a preToolUse command hook.",
      "An existing file that is not valid JSON is refused and left unchanged: the agents silently load no hooks from it."
    })
public final class InstallCommand implements Callable<Integer> {
  /** The agents this command installs for. */
  static final List<String> AGENTS = List.of("claude-code", "codex", "cursor", "gemini", "copilot");

  @Parameters(index = "0", paramLabel = "AGENT", description = "the agent client: claude-code, codex, cursor, gemini or copilot")
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

  @Option(names = "--timeout", paramLabel = "SECONDS", description = "the hook's timeout in seconds (written in ms for Cursor and Gemini CLI); must exceed the server's --hook-hold (default: ${DEFAULT-VALUE})")
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
    if (!tokenEnv.matches("[A-Za-z_][A-Za-z0-9_]*")) {
      throw new InputError("--token-env must be an environment variable name");
    }
    URI base = ServerOptions.baseUrl(url.or(() -> ServerOptions.env(ServerOptions.URL_ENV)));
    AgentHookFile target = target(base);
    Path file = target.file(project);
    ObjectNode merged = target.merge(read(file, target.client()));
    List<String> problems = target.problems(merged);
    if (problems.isEmpty()) {
      write(file, ConfigJson.render(merged));
      problems = target.problems(ConfigJson.parse(readText(file), file.toString(), target.client()));
    }
    if (!problems.isEmpty()) {
      throw new InputError(file + " does not check out: " + String.join("; ", problems));
    }
    System.out.println("Wrote the Countersign hook for " + target.client() + " to " + file + " and checked it:");
    target.summary().forEach(line -> System.out.println("  " + line));
    boolean http = target instanceof ClaudeHookFile c && c.entry().http();
    System.out.println("Give " + target.client() + " the agent's scoped token before you start it:");
    System.out.println("  export " + (http ? tokenEnv : ServerOptions.TOKEN_ENV)
        + "=$(countersign token create --principal AGENT --env ENV --service SERVICE | tail -n1)");
    if (!http) {
      System.out.println("The hook also needs `" + countersign + "` on " + target.client() + "'s PATH.");
    }
    return Main.OK;
  }

  private AgentHookFile target(URI base) {
    if (!AGENTS.contains(agent)) {
      throw new InputError("unknown agent '" + agent + "' (expected one of " + String.join(", ", AGENTS) + ")");
    }
    if (agent.equals("claude-code")) {
      return new ClaudeHookFile(new HookEntry(!kind.command, hookUrl(base, HookEntry.PATH), tokenEnv, timeoutSeconds, countersign), matcher);
    }
    if (kind.http) {
      throw new InputError("--http is for claude-code only; " + agent + " runs a command hook");
    }
    RelayCommand relay = new RelayCommand(countersign, agent, hookUrl(base, "/v1/hooks/" + agent), timeoutSeconds);
    if (!matcher.equals("*") && (agent.equals("cursor") || agent.equals("copilot"))) {
      throw new InputError("--matcher is not supported for " + agent + ": its hooks have no matcher");
    }
    return switch (agent) {
      case "codex" -> new CodexHookFile(relay, matcher);
      case "gemini" -> new GeminiHookFile(relay, matcher);
      case "cursor" -> new CursorHookFile(relay);
      default -> new CopilotHookFile(relay);
    };
  }

  private URI hookUrl(URI base, String path) {
    StringBuilder q = new StringBuilder();
    environment.ifPresent(e -> q.append("environment=").append(URLEncoder.encode(e, StandardCharsets.UTF_8)));
    for (String s : services) {
      q.append(q.isEmpty() ? "" : "&").append("service=").append(URLEncoder.encode(s, StandardCharsets.UTF_8));
    }
    return URI.create(base + path + (q.isEmpty() ? "" : "?" + q));
  }

  private static ObjectNode read(Path file, String client) {
    if (!Files.exists(file)) {
      return JsonNodeFactory.instance.objectNode();
    }
    return ConfigJson.parse(readText(file), file.toString(), client);
  }

  private static String readText(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes via a temporary file and a rename, so the agent never sees a half-written file. */
  private static void write(Path file, String text) {
    try {
      Files.createDirectories(file.getParent());
      Path tmp = Files.createTempFile(file.getParent(), "countersign", ".json.tmp");
      Files.writeString(tmp, text, StandardCharsets.UTF_8);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
