package dev.countersign.directory;

import dev.countersign.model.Action;
import dev.countersign.model.Verb;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Least privilege for agents, services and bounded humans: effective rights and the actions they do
 * not cover. Pure; time is passed in.
 *
 * <ul>
 *   <li>A human without grants is unbounded; a human with grants is bounded by them.
 *   <li>A service identity is bounded by its own grants.
 *   <li>An agent is bounded by its own grants ∩ its sponsor's rights: its own grants alone when the
 *       sponsor is unbounded, otherwise every pairwise intersection (environments, services and
 *       verbs intersected, {@code "*"} meeting anything; the earlier expiry).
 *   <li>Fail closed: an actor that is not in the directory, or an agent whose sponsor is not a
 *       human in it (unknown, or left), is refused everything.
 * </ul>
 *
 * <p>The actor is identified by id; the directory's entry for that id is the one used.
 */
public final class Rights {
  private Rights() {}

  /** The effective rights of {@code actor} according to {@code directory}. */
  public static EffectiveRights effective(Principal actor, Directory directory) {
    Optional<Principal> known = directory.find(actor.id());
    if (known.isEmpty()) {
      return new EffectiveRights.Refused(actor.id(), "it is not in the directory");
    }
    return switch (known.get()) {
      case Human h ->
          h.grants().isEmpty()
              ? new EffectiveRights.Unbounded(h.id())
              : new EffectiveRights.Bounded(h.id(), h.grants(), "their grants");
      case ServiceIdentity s -> new EffectiveRights.Bounded(s.id(), s.grants(), "its grants");
      case Agent a -> agent(a, directory);
    };
  }

  private static EffectiveRights agent(Agent agent, Directory directory) {
    Optional<Human> sponsor = directory.human(agent.sponsor());
    if (sponsor.isEmpty()) {
      return new EffectiveRights.Refused(
          agent.id(), "its sponsor '" + agent.sponsor() + "' is not a human in the directory");
    }
    if (sponsor.get().grants().isEmpty()) {
      return new EffectiveRights.Bounded(agent.id(), agent.grants(), "its grants");
    }
    return new EffectiveRights.Bounded(
        agent.id(),
        GrantMath.intersect(agent.grants(), sponsor.get().grants()),
        "its grants, within sponsor " + agent.sponsor() + "'s,");
  }

  /**
   * Each action of a change that {@code actor}'s effective rights do not cover at {@code now}, in
   * words ("kiro-7 may not delete aws_db_instance.main in production: its grants cover read,
   * create, update there"); empty when all are covered.
   *
   * <p>An action is covered when an active grant covers the environment, its verb and its service.
   * An action with an empty service stands for every service the change declares ({@code
   * declaredServices}), each of which must be covered; with none declared, only a grant for
   * services {@code "*"} covers it. {@code noop} actions change nothing and are never violations.
   */
  public static List<String> violations(
      Principal actor,
      Directory directory,
      String environment,
      List<String> declaredServices,
      List<Action> actions,
      Instant now) {
    EffectiveRights rights = effective(actor, directory);
    List<String> out = new ArrayList<>();
    for (Action action : actions) {
      if (action.verb() == Verb.NOOP) {
        continue;
      }
      for (String service : servicesOf(action, declaredServices)) {
        if (!rights.covers(environment, action.verb(), service, now)) {
          out.add(Explain.violation(rights, environment, action, service, now));
          break;
        }
      }
    }
    return List.copyOf(out);
  }

  /** The services an action stands for: its own, else the declared ones, else the empty service. */
  static List<String> servicesOf(Action action, List<String> declaredServices) {
    if (!action.service().isEmpty()) {
      return List.of(action.service());
    }
    return declaredServices.isEmpty() ? List.of("") : declaredServices;
  }
}
