package dev.countersign.server.agent;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * What a hook request asks to narrow its target to (e.g. {@code ?environment=staging&service=web}
 * on the hook URL). The agent can edit its own hook settings, so a request may only narrow the
 * token's scope, never widen it.
 *
 * @param environment the environment asked for, if any; must be the token's
 * @param services the services asked for; empty means all of the token's
 */
public record Narrowing(Optional<String> environment, List<String> services) {
  /** No narrowing: the token's whole scope. */
  public static final Narrowing NONE = new Narrowing(Optional.empty(), List.of());

  public Narrowing {
    requireNonNull(environment, "environment");
    services = List.copyOf(services);
  }
}
