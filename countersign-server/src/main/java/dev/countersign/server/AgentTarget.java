package dev.countersign.server;

import static java.util.Objects.requireNonNull;

import dev.countersign.server.agent.Narrowing;
import dev.countersign.store.AuthenticatedToken;
import dev.countersign.store.TokenScope;
import java.util.List;

/**
 * Where an agent's hook call acts: the token's scope (which the agent cannot change), narrowed but
 * never widened by the request.
 *
 * @param environment the environment
 * @param services the services
 */
record AgentTarget(String environment, List<String> services) {
  AgentTarget {
    requireNonNull(environment, "environment");
    services = List.copyOf(services);
  }

  /** The target of a call with this token and narrowing; a {@link Refusal} when there is none. */
  static AgentTarget of(AuthenticatedToken token, String agentId, Narrowing narrowing) {
    TokenScope scope =
        token.scope()
            .orElseThrow(
                () -> new Refusal(
                    "the token of agent '" + agentId + "' has no target scope, so Countersign cannot tell where this call acts;"
                        + " create a scoped one with `countersign token create --principal " + agentId
                        + " --env ENV --service SERVICE`"));
    if (narrowing.environment().isPresent() && !narrowing.environment().get().equals(scope.environment())) {
      throw new Refusal(
          "the hook asks for environment '" + narrowing.environment().get() + "' but the token is scoped to '"
              + scope.environment() + "', and a request may narrow its target but never widen it");
    }
    if (narrowing.services().isEmpty()) {
      return new AgentTarget(scope.environment(), scope.services());
    }
    for (String s : narrowing.services()) {
      if (!scope.services().contains(s)) {
        throw new Refusal(
            "the hook asks for service '" + s + "' but the token is scoped to " + scope.services()
                + ", and a request may narrow its target but never widen it");
      }
    }
    return new AgentTarget(scope.environment(), narrowing.services());
  }

  /** A call Countersign refuses before any policy runs; the message is the reason. */
  static final class Refusal extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Refusal(String message) {
      super(message, null, false, false);
    }
  }
}
