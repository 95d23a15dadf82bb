package dev.countersign.server;

import dev.countersign.catalog.BlastRadii;
import dev.countersign.catalog.CatalogGraph;
import dev.countersign.model.Action;
import dev.countersign.model.BlastRadius;
import java.util.List;

/**
 * Where a proposed change's blast radius comes from: the service catalog the server was started
 * with, or nothing. Applied after analysis and never part of the digest: it depends on the
 * catalog, not on what the change does.
 */
@FunctionalInterface
public interface BlastRadiusSource {
  /** The blast radius of a change that declares {@code services} and does {@code actions}. */
  BlastRadius of(List<String> services, List<Action> actions);

  /** No catalog: every blast radius is empty. */
  static BlastRadiusSource none() {
    return (services, actions) -> BlastRadius.none();
  }

  /** Blast radii over a catalog graph. */
  static BlastRadiusSource of(CatalogGraph catalog) {
    return (services, actions) -> BlastRadii.compute(catalog, services, actions);
  }
}
