package dev.countersign.server.agent;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * What one source asks to narrow a hook call's target to: the hook URL ({@code
 * ?environment=staging&service=web}), a server-side rule on the agent's working directory, or the
 * agent's repository ({@code .countersign.yaml}, sent by the relay). The agent can edit its own hook
 * settings and repository, so a narrowing may only narrow the token's scope, never widen it.
 *
 * @param environment the environment asked for, if any; must be the token's
 * @param services the services asked for; empty means all of the target so far
 * @param source who asks, for the refusal message (e.g. "the hook URL")
 */
public record Narrowing(Optional<String> environment, List<String> services, String source) {
  /** The hook URL's query. */
  public static final String HOOK_URL = "the hook URL";

  /** The agent's repository, read by the relay ({@code countersign hook AGENT}) and sent along. */
  public static final String REPOSITORY = "the repository's .countersign.yaml";

  /** No narrowing: the token's whole scope. */
  public static final Narrowing NONE = new Narrowing(Optional.empty(), List.of());

  public Narrowing {
    requireNonNull(environment, "environment");
    requireNonNull(source, "source");
    services = List.copyOf(services);
  }

  /** A narrowing asked for by the hook URL. */
  public Narrowing(Optional<String> environment, List<String> services) {
    this(environment, services, HOOK_URL);
  }

  /** Whether it narrows anything at all. */
  public boolean isEmpty() {
    return environment.isEmpty() && services.isEmpty();
  }
}
