package dev.countersign.catalog;

import static java.util.Objects.requireNonNull;

/**
 * One relation stated in the catalog, from the entity that states it.
 *
 * @param source the entity whose spec states the relation
 * @param relation what the relation is
 * @param target the entity it names, which may not exist in the catalog (a dangling reference)
 */
public record CatalogEdge(EntityRef source, Relation relation, EntityRef target) {
  public CatalogEdge {
    requireNonNull(source, "source");
    requireNonNull(relation, "relation");
    requireNonNull(target, "target");
  }

  @Override
  public String toString() {
    return source + " " + relation.wire() + " " + target;
  }
}
