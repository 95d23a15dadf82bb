package dev.countersign.store;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * The target a token is scoped to: the one environment and the services its holder acts on. An
 * agent's hook calls take their target from its token's scope only, never from what the agent
 * sends.
 *
 * @param environment the environment, e.g. {@code production}; never empty
 * @param services the services, in the order given; may be empty (then only grants for every
 *     service, {@code "*"}, cover an action)
 */
public record TokenScope(String environment, List<String> services) {
  public TokenScope {
    requireNonNull(environment, "environment");
    if (environment.isBlank()) {
      throw new IllegalArgumentException("a token scope names an environment");
    }
    services = List.copyOf(services);
  }
}
