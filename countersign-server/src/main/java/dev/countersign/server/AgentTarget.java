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
    return of(token, agentId, List.of(narrowing));
  }

  /**
   * The token's scope narrowed by each narrowing in turn (the hook URL, the repository, the server's
   * working-directory rules); a {@link Refusal} when there is no scope or one of them would widen
   * what the earlier ones left.
   */
  static AgentTarget of(AuthenticatedToken token, String agentId, List<Narrowing> narrowings) {
    TokenScope scope =
        token.scope()
            .orElseThrow(
                () -> new Refusal(
                    "the token of agent '" + agentId + "' has no target scope, so Countersign cannot tell where this call acts;"
                        + " create a scoped one with `countersign token create --principal " + agentId
                        + " --env ENV --service SERVICE`"));
    AgentTarget target = new AgentTarget(scope.environment(), scope.services());
    for (Narrowing n : narrowings) {
      target = target.narrowedBy(n);
    }
    return target;
  }

  private AgentTarget narrowedBy(Narrowing n) {
    if (n.environment().isPresent() && !n.environment().get().equals(environment)) {
      throw new Refusal(
          n.source() + " asks for environment '" + n.environment().get() + "' but the call may only act in '"
              + environment + "' (the token's scope), and a narrowing may narrow the target but never widen it");
    }
    if (n.services().isEmpty()) {
      return this;
    }
    for (String s : n.services()) {
      if (!services.contains(s)) {
        throw new Refusal(
            n.source() + " asks for service '" + s + "' but the call may only act on " + services
                + ", and a narrowing may narrow the target but never widen it");
      }
    }
    return new AgentTarget(environment, n.services());
  }

  /** A call Countersign refuses before any policy runs; the message is the reason. */
  static final class Refusal extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Refusal(String message) {
      super(message, null, false, false);
    }
  }
}
