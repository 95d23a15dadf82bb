package dev.countersign.directory;

import static java.util.Objects.requireNonNull;

import dev.countersign.model.Verb;
import java.time.Instant;
import java.util.List;

/**
 * What a principal may do once every bound on it is applied (see {@link Rights#effective}): nothing
 * bounds it, some grants bound it, or it is refused everything (fail closed).
 */
public sealed interface EffectiveRights {

  /** The principal's id. */
  String subject();

  /** Whether an action with this environment, verb and service is allowed at {@code now}. */
  boolean covers(String environment, Verb verb, String service, Instant now);

  /** A human without grants, whose agents are not bounded by them either: policy decides. */
  record Unbounded(String subject) implements EffectiveRights {
    public Unbounded {
      requireNonNull(subject, "subject");
    }

    @Override
    public boolean covers(String environment, Verb verb, String service, Instant now) {
      return true;
    }
  }

  /**
   * Bounded by the union of {@code grants}, expired ones included (they give no rights but explain
   * a refusal); {@code basis} names where the grants come from, e.g. "its grants, within sponsor
   * mia's".
   */
  record Bounded(String subject, List<Grant> grants, String basis) implements EffectiveRights {
    public Bounded {
      requireNonNull(subject, "subject");
      grants = List.copyOf(grants);
      requireNonNull(basis, "basis");
    }

    @Override
    public boolean covers(String environment, Verb verb, String service, Instant now) {
      for (Grant g : grants) {
        if (g.activeAt(now)
            && g.coversEnvironment(environment)
            && g.verbs().contains(verb)
            && g.coversService(service)) {
          return true;
        }
      }
      return false;
    }

    /** The grants in force at {@code now}. */
    public List<Grant> activeAt(Instant now) {
      return grants.stream().filter(g -> g.activeAt(now)).toList();
    }
  }

  /** Refused everything, with the reason: not in the directory, or its sponsor is not. */
  record Refused(String subject, String reason) implements EffectiveRights {
    public Refused {
      requireNonNull(subject, "subject");
      requireNonNull(reason, "reason");
    }

    @Override
    public boolean covers(String environment, Verb verb, String service, Instant now) {
      return false;
    }
  }
}
