package dev.countersign.model;

import static java.util.Objects.requireNonNull;

/**
 * A service reached by a change, directly or through dependents.
 *
 * @param id catalog id
 * @param owner owning team, or empty when unknown
 * @param tier 1 for the most critical; 0 when unknown
 * @param customerFacing whether customers see it
 * @param direct whether the change touches it directly (not only through a dependency)
 */
public record ServiceImpact(String id, String owner, int tier, boolean customerFacing, boolean direct) {
  public ServiceImpact {
    requireNonNull(id, "id");
    requireNonNull(owner, "owner");
  }
}
