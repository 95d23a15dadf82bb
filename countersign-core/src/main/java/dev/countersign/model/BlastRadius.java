package dev.countersign.model;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The services a change reaches and how much that matters.
 *
 * @param services touched services first, then their transitive dependents
 */
public record BlastRadius(List<ServiceImpact> services) {

  public BlastRadius {
    services = List.copyOf(services);
  }

  /** A blast radius that reaches nothing known. */
  public static BlastRadius none() {
    return new BlastRadius(List.of());
  }

  /** The teams owning any reached service (owners that are known). */
  public Set<String> owners() {
    Set<String> owners = new LinkedHashSet<>();
    for (ServiceImpact s : services) {
      if (!s.owner().isEmpty()) {
        owners.add(s.owner());
      }
    }
    return owners;
  }

  /** How many reached services are tier 1. */
  public long tier1Count() {
    return services.stream().filter(s -> s.tier() == 1).count();
  }

  /** How many reached services customers see. */
  public long customerFacingCount() {
    return services.stream().filter(ServiceImpact::customerFacing).count();
  }

  /** A simple score: one per service, plus five per tier-1 and three per customer-facing one. */
  public long score() {
    return services.size() + 5 * tier1Count() + 3 * customerFacingCount();
  }
}
