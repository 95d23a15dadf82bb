package dev.countersign.cli.hook;

import dev.countersign.config.yaml.ConfigException;
import dev.countersign.config.yaml.SafeYaml;
import dev.countersign.config.yaml.YamlMapping;
import dev.countersign.config.yaml.YamlNode;
import dev.countersign.model.Names;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the agent's repository says about where its calls act: a {@code .countersign.yaml} in the
 * working directory or a folder above it (up to the repository's root, the folder with {@code
 * .git}):
 *
 * <pre>
 * environment: staging        # optional
 * services: [web, worker]     # optional
 * </pre>
 *
 * <p>The relay sends it to the server as {@code repo-environment} and {@code repo-service}, which
 * may only narrow the token's scope (the agent can edit this file, so it must never widen it). A
 * file that cannot be read blocks the call rather than being ignored.
 */
record RepositoryTarget(Path file, Optional<String> environment, List<String> services) {
  static final String FILE = ".countersign.yaml";

  /** The file that applies to {@code workingDirectory}, read; empty when there is none. */
  static Optional<RepositoryTarget> find(Path workingDirectory) {
    for (Path dir = workingDirectory.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve(FILE);
      if (Files.isRegularFile(candidate)) {
        return Optional.of(read(candidate));
      }
      if (Files.exists(dir.resolve(".git"))) {
        return Optional.empty(); // the repository's root: a file above it belongs to something else
      }
    }
    return Optional.empty();
  }

  static RepositoryTarget read(Path file) {
    try {
      YamlNode root = SafeYaml.config().read(file);
      if (!(root instanceof YamlMapping m)) {
        throw new IllegalArgumentException(file + ": expected a mapping with environment and/or services");
      }
      m.allowOnly("environment", "services");
      Optional<String> environment = m.optionalString("environment").map(v -> name(file, "environment", v));
      List<String> services = new ArrayList<>();
      for (String s : m.optionalStrings("services")) {
        services.add(name(file, "services", s));
      }
      return new RepositoryTarget(file, environment, List.copyOf(services));
    } catch (ConfigException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  private static String name(Path file, String field, String value) {
    if (!Names.valid(value)) {
      throw new IllegalArgumentException(file + ": " + field + " '" + value
          + "' is not a valid name (" + Names.RULE + ")");
    }
    return value;
  }

  /** {@code endpoint} with this narrowing added to its query. */
  URI addTo(URI endpoint) {
    StringBuilder q = new StringBuilder();
    environment.ifPresent(e -> q.append("repo-environment=").append(encode(e)));
    for (String s : services) {
      q.append(q.isEmpty() ? "" : "&").append("repo-service=").append(encode(s));
    }
    if (q.isEmpty()) {
      return endpoint;
    }
    String url = endpoint.toString();
    return URI.create(url + (endpoint.getRawQuery() == null ? "?" : "&") + q);
  }

  private static String encode(String v) {
    return URLEncoder.encode(v, StandardCharsets.UTF_8);
  }
}
