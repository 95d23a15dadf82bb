package dev.countersign.cli.remote;

import dev.countersign.cli.InputError;
import java.net.URI;
import java.util.Optional;
import picocli.CommandLine.Option;

/** Where the server is and whom to call it as: options, else the environment. */
public final class ServerOptions {
  /** The environment variable with the server's base URL. */
  public static final String URL_ENV = "COUNTERSIGN_URL";
  /** The environment variable with the API token. */
  public static final String TOKEN_ENV = "COUNTERSIGN_TOKEN";

  @Option(names = "--server", paramLabel = "URL", description = "the server's base URL (default: $COUNTERSIGN_URL)")
  Optional<String> server = Optional.empty();

  @Option(names = "--token", paramLabel = "TOKEN", description = "your API token (default: $COUNTERSIGN_TOKEN)")
  Optional<String> token = Optional.empty();

  /** The base URL, without a trailing slash. */
  public URI baseUrl() {
    return baseUrl(server.or(() -> env(URL_ENV)));
  }

  /** Parses a base URL given as an option or in the environment; an input error names the problem. */
  public static URI baseUrl(Optional<String> value) {
    String url = value.orElseThrow(() -> new InputError("no server: pass --server URL or set " + URL_ENV));
    String trimmed = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    try {
      URI uri = URI.create(trimmed);
      if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
        throw new IllegalArgumentException("not http(s)");
      }
      return uri;
    } catch (IllegalArgumentException e) {
      throw new InputError("'" + url + "' is not an http(s) URL such as http://127.0.0.1:8420");
    }
  }

  /** The token. */
  public String token() {
    return token.or(() -> env(TOKEN_ENV))
        .orElseThrow(() -> new InputError("no token: pass --token TOKEN or set " + TOKEN_ENV));
  }

  /** A non-empty environment variable. */
  public static Optional<String> env(String name) {
    return Optional.ofNullable(System.getenv(name)).filter(v -> !v.isBlank());
  }
}
