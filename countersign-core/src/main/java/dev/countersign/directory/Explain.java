package dev.countersign.directory;

import dev.countersign.model.Action;
import dev.countersign.model.Verb;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Says in words why effective rights do not cover an action. */
final class Explain {
  private Explain() {}

  static String violation(
      EffectiveRights rights, String environment, Action action, String service, Instant now) {
    String env = environment.isEmpty() ? "an unnamed environment" : environment;
    String head =
        rights.subject()
            + " may not "
            + action.verb().wire()
            + " "
            + target(action)
            + " in "
            + env
            + ": ";
    return head
        + switch (rights) {
          case EffectiveRights.Refused r -> r.reason();
          case EffectiveRights.Unbounded u -> "no rights apply";
          case EffectiveRights.Bounded b -> bounded(b, environment, service, now);
        };
  }

  private static String bounded(
      EffectiveRights.Bounded b, String environment, String service, Instant now) {
    if (b.grants().isEmpty()) {
      return b.basis() + " allow nothing";
    }
    List<Grant> there =
        b.activeAt(now).stream().filter(g -> g.coversEnvironment(environment)).toList();
    if (there.isEmpty()) {
      return b.grants().stream()
          .filter(g -> g.coversEnvironment(environment))
          .map(Grant::expires)
          .max(Comparator.naturalOrder())
          .map(last -> b.basis() + " there expired at " + last)
          .orElse(b.basis() + " do not cover this environment");
    }
    List<Grant> forService = there.stream().filter(g -> g.coversService(service)).toList();
    if (forService.isEmpty()) {
      Set<String> services = new LinkedHashSet<>();
      there.forEach(g -> services.addAll(g.services()));
      String what =
          service.isEmpty()
              ? "an action with no known service (only services \"*\" covers it)"
              : "service " + service;
      return b.basis() + " there cover services " + String.join(", ", services) + ", not " + what;
    }
    Set<Verb> verbs = EnumSet.noneOf(Verb.class);
    forService.forEach(g -> verbs.addAll(g.verbs()));
    return b.basis()
        + " cover "
        + verbs.stream().map(Verb::wire).collect(Collectors.joining(", "))
        + " there";
  }

  private static String target(Action action) {
    if (!action.address().isEmpty()) {
      return action.address();
    }
    return action.resourceType().isEmpty() ? "a resource" : action.resourceType();
  }
}
