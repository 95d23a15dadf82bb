package dev.countersign.config.catalog;

import static java.util.Objects.requireNonNull;

import dev.countersign.catalog.CatalogEdge;
import dev.countersign.catalog.CatalogEntity;
import dev.countersign.catalog.CatalogGraph;
import java.util.List;

/**
 * A catalog as read from its files.
 *
 * @param entities every entity, in the order read
 * @param edges every relation the entities state, dangling ones included
 * @param warnings what the catalog lacks, in the order found
 * @param graph the graph of the entities, for blast radius
 */
public record LoadedCatalog(
    List<CatalogEntity> entities, List<CatalogEdge> edges, List<CatalogWarning> warnings, CatalogGraph graph) {

  public LoadedCatalog {
    entities = List.copyOf(entities);
    edges = List.copyOf(edges);
    warnings = List.copyOf(warnings);
    requireNonNull(graph, "graph");
  }
}
