package dev.countersign.directory;

import static java.util.Objects.requireNonNull;

import dev.countersign.model.Verb;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A right to do some verbs to some services in some environments, until an expiry.
 *
 * <p>{@code "*"} in {@code environments} or {@code services} means every one.
 */
public record Grant(List<String> environments, List<String> services, Set<Verb> verbs, Instant expires) {

  /** The wildcard that matches every environment or service. */
  public static final String ANY = "*";

  public Grant {
    environments = List.copyOf(environments);
    services = List.copyOf(services);
    verbs = Set.copyOf(verbs);
    requireNonNull(expires, "expires");
  }

  /** Whether this grant is still in force at {@code now}. */
  public boolean activeAt(Instant now) {
    return now.isBefore(expires);
  }

  /** Whether this grant covers the environment. */
  public boolean coversEnvironment(String environment) {
    return environments.contains(ANY) || environments.contains(environment);
  }

  /** Whether this grant covers the service; an empty service is covered only by {@code "*"}. */
  public boolean coversService(String service) {
    return services.contains(ANY) || (!service.isEmpty() && services.contains(service));
  }
}
