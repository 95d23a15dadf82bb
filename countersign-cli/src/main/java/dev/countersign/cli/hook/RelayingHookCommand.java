package dev.countersign.cli.hook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.countersign.cli.remote.ServerOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Option;

/**
 * A command hook of one agent client ({@code countersign hook AGENT}): reads the hook JSON on stdin,
 * posts it to the server's {@link #route()}, prints the answer on stdout and exits 0; on any failure
 * prints one sentence on stderr and exits 2, which Claude Code, Codex and Gemini CLI treat as
 * "block" (Cursor blocks on a failed hook when it is configured with {@code failClosed: true}).
 */
public abstract class RelayingHookCommand implements Callable<Integer> {
  /** The exit code that makes Claude Code, Codex and Gemini CLI block the tool call. */
  static final int BLOCK = 2;
  private static final int MAX_INPUT = 16 * 1024 * 1024;
  private static final ObjectMapper JSON = new ObjectMapper();

  @Option(names = "--url", paramLabel = "URL", description = "the server's base URL, or the full hook URL (default: $COUNTERSIGN_URL)")
  Optional<String> url = Optional.empty();

  @Option(names = "--timeout", paramLabel = "SECONDS", description = "give up (and block) after this long; keep it below the hook's timeout (default: ${DEFAULT-VALUE})")
  int timeoutSeconds = 55;

  @Override
  public Integer call() {
    return relay(System.in, System.out, System.err, System.getenv());
  }

  /** Relays one hook call with {@code env} as the environment; returns the exit code (0 answered, 2 blocked). */
  public int relay(InputStream in, PrintStream out, PrintStream err, Map<String, String> env) {
    try {
      URI endpoint = endpoint(ServerOptions.baseUrl(url.or(() -> nonBlank(env, ServerOptions.URL_ENV))));
      String token = nonBlank(env, ServerOptions.TOKEN_ENV)
          .orElseThrow(() -> new Blocked("$" + ServerOptions.TOKEN_ENV + " is not set, so the hook cannot identify the agent"));
      byte[] body = in.readNBytes(MAX_INPUT + 1);
      if (body.length > MAX_INPUT) {
        throw new Blocked("the hook input is larger than " + MAX_INPUT + " bytes");
      }
      HttpResponse<byte[]> r = post(withRepositoryTarget(endpoint, body), token, body);
      out.write(answer(r));
      out.flush();
      return 0;
    } catch (Blocked e) {
      return block(err, e.getMessage());
    } catch (dev.countersign.cli.InputError e) {
      return block(err, e.getMessage());
    } catch (HttpTimeoutException e) {
      return block(err, "the Countersign server did not answer within " + timeoutSeconds + " s");
    } catch (IOException e) {
      return block(err, "the Countersign server is unreachable (" + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + ")");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return block(err, "interrupted while waiting for the Countersign server");
    } catch (RuntimeException e) {
      return block(err, "unexpected error: " + e);
    }
  }

  /**
   * Adds what the agent's repository narrows its target to ({@link RepositoryTarget}), found from the
   * call's working directory ({@code cwd} in the hook input, else this process's).
   */
  private static URI withRepositoryTarget(URI endpoint, byte[] body) {
    String cwd = System.getProperty("user.dir");
    try {
      JsonNode input = JSON.readTree(body);
      if (input != null && input.path("cwd").isTextual() && !input.path("cwd").asText().isBlank()) {
        cwd = input.path("cwd").asText();
      }
    } catch (IOException e) {
      // not JSON: the server refuses it with a reason in the agent's format; look from here
    }
    try {
      return RepositoryTarget.find(java.nio.file.Path.of(cwd)).map(t -> t.addTo(endpoint)).orElse(endpoint);
    } catch (IllegalArgumentException e) { // also an unusable path (InvalidPathException)
      throw new Blocked("the repository's " + RepositoryTarget.FILE + " cannot be used: " + e.getMessage());
    }
  }

  private static Optional<String> nonBlank(Map<String, String> env, String name) {
    return Optional.ofNullable(env.get(name)).filter(v -> !v.isBlank());
  }

  /** The server's hook route for this agent, e.g. {@code /v1/hooks/claude-code}. */
  abstract String route();

  /** Whether a 200 answer's JSON is a decision in this agent's format (else the hook blocks). */
  abstract boolean isDecision(JsonNode answer);

  /** The hook URL: the given one when it already is the hook URL, else the base URL's. */
  URI endpoint(URI url) {
    return url.getPath().endsWith(route()) ? url : URI.create(url + route());
  }

  private HttpResponse<byte[]> post(URI endpoint, String token, byte[] body) throws IOException, InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(Math.min(10, timeoutSeconds))).build();
    HttpRequest request = HttpRequest.newBuilder(endpoint)
        .timeout(Duration.ofSeconds(timeoutSeconds))
        .header("Authorization", "Bearer " + token)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
        .build();
    return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
  }

  /** The body to print: only a 200 with a hook decision in it. */
  private byte[] answer(HttpResponse<byte[]> r) {
    JsonNode json;
    try {
      json = JSON.readTree(r.body());
    } catch (IOException e) {
      json = JSON.createObjectNode();
    }
    if (r.statusCode() != 200) {
      String message = json == null ? "" : json.path("message").asText("");
      throw new Blocked("the Countersign server answered HTTP " + r.statusCode() + (message.isEmpty() ? "" : ": " + message));
    }
    if (json == null || !isDecision(json)) {
      throw new Blocked("the Countersign server's answer is not a hook decision");
    }
    String printed = printed(json, new String(r.body(), StandardCharsets.UTF_8).strip());
    return (printed.isEmpty() ? "" : printed + "\n").getBytes(StandardCharsets.UTF_8);
  }

  /** What to print for a decision the server answered; the server's text unless the agent needs it said differently. */
  String printed(JsonNode answer, String text) {
    return text;
  }

  private static int block(PrintStream err, String why) {
    err.println("Countersign blocked this tool call (fail closed): " + why + ".");
    err.flush();
    return BLOCK;
  }

  /** A reason to block. */
  private static final class Blocked extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Blocked(String message) {
      super(message, null, false, false);
    }
  }
}
