package dev.countersign.catalog;

/**
 * A relation between two entities, named as Backstage names it from the source's side.
 *
 * <p>Only some relations carry impact (see {@link CatalogGraph}): when the target of {@code
 * dependsOn} breaks, the source is affected; an API breaks with its provider and takes its
 * consumers with it; a subcomponent that breaks breaks its parent. Membership in a system or
 * domain, and ownership, carry no impact.
 */
public enum Relation {
  /** {@code spec.dependsOn}: the source needs the target to work. */
  DEPENDS_ON("dependsOn"),
  /** {@code spec.providesApis}: the source serves the target API. */
  PROVIDES_API("providesApi"),
  /** {@code spec.consumesApis}: the source calls the target API. */
  CONSUMES_API("consumesApi"),
  /** {@code spec.subcomponentOf}: the source is a part of the target component. */
  SUBCOMPONENT_OF("subcomponentOf"),
  /** {@code spec.system} or {@code spec.domain}: the source belongs to the target. */
  PART_OF("partOf"),
  /** {@code spec.subdomainOf}: the source domain belongs to the target domain. */
  SUBDOMAIN_OF("subdomainOf"),
  /** {@code spec.owner}: the target group or user owns the source. */
  OWNED_BY("ownedBy");

  private final String wire;

  Relation(String wire) {
    this.wire = wire;
  }

  /** The relation's name as Backstage writes it, e.g. {@code dependsOn}. */
  public String wire() {
    return wire;
  }
}
