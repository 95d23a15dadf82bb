package dev.countersign.directory;

import dev.countersign.model.Verb;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Intersections of grants, where {@code "*"} meets anything. */
final class GrantMath {
  private GrantMath() {}

  /** Every non-empty pairwise intersection: the union of the result is (∪a) ∩ (∪b). */
  static List<Grant> intersect(List<Grant> a, List<Grant> b) {
    List<Grant> out = new ArrayList<>();
    for (Grant x : a) {
      for (Grant y : b) {
        intersect(x, y).ifPresent(out::add);
      }
    }
    return List.copyOf(out);
  }

  /** The grant both {@code x} and {@code y} allow, or empty when they share nothing. */
  static Optional<Grant> intersect(Grant x, Grant y) {
    List<String> environments = names(x.environments(), y.environments());
    List<String> services = names(x.services(), y.services());
    Set<Verb> verbs = x.verbs().isEmpty() ? EnumSet.noneOf(Verb.class) : EnumSet.copyOf(x.verbs());
    verbs.retainAll(y.verbs());
    if (environments.isEmpty() || services.isEmpty() || verbs.isEmpty()) {
      return Optional.empty();
    }
    Instant expires = x.expires().isBefore(y.expires()) ? x.expires() : y.expires();
    return Optional.of(new Grant(environments, services, verbs, expires));
  }

  private static List<String> names(List<String> x, List<String> y) {
    if (x.contains(Grant.ANY)) {
      return y;
    }
    if (y.contains(Grant.ANY)) {
      return x;
    }
    return x.stream().filter(y::contains).toList();
  }
}
