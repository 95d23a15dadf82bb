package dev.countersign.config.catalog;

import dev.countersign.catalog.CatalogEdge;
import dev.countersign.catalog.CatalogEntity;
import dev.countersign.catalog.CatalogGraph;
import dev.countersign.catalog.EntityRef;
import dev.countersign.catalog.Relation;
import dev.countersign.config.yaml.ConfigException;
import dev.countersign.config.yaml.Origin;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Gathers the entities and relations of every file, then checks references across files. */
final class CatalogCollector {
  /** A relation with where it is stated and the entity the file names (the one that must exist). */
  private record Stated(CatalogEdge edge, EntityRef named, Origin origin) {}

  private final List<CatalogEntity> entities = new ArrayList<>();
  private final Map<EntityRef, Origin> defined = new HashMap<>();
  private final List<Stated> stated = new ArrayList<>();
  private final List<CatalogWarning> warnings = new ArrayList<>();

  /** Adds an entity; one defined twice is an error at the second definition. */
  void entity(CatalogEntity entity, Origin origin) {
    Origin first = defined.putIfAbsent(entity.ref(), origin);
    if (first != null) {
      throw new ConfigException(origin, "entity " + entity.ref() + " is already defined at " + first.position());
    }
    entities.add(entity);
  }

  /** Adds a relation stated at {@code origin}; {@code named} is the reference written there. */
  void edge(CatalogEdge edge, EntityRef named, Origin origin) {
    stated.add(new Stated(edge, named, origin));
  }

  /** Records something the catalog lacks. */
  void warn(Origin origin, String message) {
    warnings.add(new CatalogWarning(origin, message));
  }

  /** The catalog, with a warning for every reference to an entity it does not hold. */
  LoadedCatalog finish() {
    List<CatalogEdge> edges = new ArrayList<>(stated.size());
    for (Stated s : stated) {
      edges.add(s.edge());
      if (s.edge().relation() != Relation.OWNED_BY && !defined.containsKey(s.named())) {
        warn(s.origin(), s.edge() + ": the catalog has no entity " + s.named());
      }
    }
    return new LoadedCatalog(entities, edges, warnings, CatalogGraph.of(entities, edges));
  }
}
