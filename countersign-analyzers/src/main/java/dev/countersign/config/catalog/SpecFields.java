package dev.countersign.config.catalog;

import dev.countersign.catalog.EntityKind;
import dev.countersign.catalog.Relation;
import java.util.List;
import java.util.Map;

/**
 * The {@code spec} fields of each kind that state relations, after Backstage's catalog-model
 * schemas. Fields not listed here (such as the non-standard {@code apiConsumedBy}) are ignored.
 */
final class SpecFields {
  /**
   * One relation field.
   *
   * @param name the spec field
   * @param relation the relation it states
   * @param defaultKind the kind of a reference that names none; empty when the kind is required
   * @param list whether the field is a list of references rather than one
   * @param inverse whether the named entity is the relation's source ({@code dependencyOf})
   */
  record Field(String name, Relation relation, String defaultKind, boolean list, boolean inverse) {}

  private static final Field OWNER = new Field("owner", Relation.OWNED_BY, "group", false, false);
  private static final Field SYSTEM = new Field("system", Relation.PART_OF, "system", false, false);
  private static final Field DEPENDS_ON = new Field("dependsOn", Relation.DEPENDS_ON, "", true, false);
  private static final Field DEPENDENCY_OF = new Field("dependencyOf", Relation.DEPENDS_ON, "", true, true);

  private static final Map<EntityKind, List<Field>> BY_KIND =
      Map.of(
          EntityKind.COMPONENT,
          List.of(
              OWNER, SYSTEM,
              new Field("subcomponentOf", Relation.SUBCOMPONENT_OF, "component", false, false),
              new Field("providesApis", Relation.PROVIDES_API, "api", true, false),
              new Field("consumesApis", Relation.CONSUMES_API, "api", true, false),
              DEPENDS_ON, DEPENDENCY_OF),
          EntityKind.RESOURCE, List.of(OWNER, SYSTEM, DEPENDS_ON, DEPENDENCY_OF),
          EntityKind.API, List.of(OWNER, SYSTEM),
          EntityKind.SYSTEM, List.of(OWNER, new Field("domain", Relation.PART_OF, "domain", false, false)),
          EntityKind.DOMAIN, List.of(OWNER, new Field("subdomainOf", Relation.SUBDOMAIN_OF, "domain", false, false)),
          EntityKind.GROUP, List.of(),
          EntityKind.USER, List.of());

  private SpecFields() {}

  /** The relation fields of a kind. */
  static List<Field> of(EntityKind kind) {
    return BY_KIND.get(kind);
  }

  /** Whether Backstage requires an owner for the kind. */
  static boolean needsOwner(EntityKind kind) {
    return kind != EntityKind.GROUP && kind != EntityKind.USER;
  }
}
