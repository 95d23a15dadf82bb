package dev.countersign.catalog;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One entity of the catalog with the facts Countersign uses. Its relations, including its owner,
 * are {@link CatalogEdge}s.
 *
 * @param ref the entity's reference
 * @param tier 1 for the most critical, up to {@link CatalogAnnotations#MAX_TIER}; 0 when unknown
 * @param customerFacing whether customers see it
 * @param terraformPrefixes Terraform address prefixes that belong to it
 * @param kubernetesNamespaces Kubernetes namespaces that belong to it
 */
public record CatalogEntity(
    EntityRef ref,
    int tier,
    boolean customerFacing,
    List<String> terraformPrefixes,
    List<String> kubernetesNamespaces) {

  public CatalogEntity {
    requireNonNull(ref, "ref");
    if (tier < 0 || tier > CatalogAnnotations.MAX_TIER) {
      throw new CatalogException(
          "tier " + tier + " of " + ref + " is not between 1 and " + CatalogAnnotations.MAX_TIER);
    }
    terraformPrefixes = List.copyOf(terraformPrefixes);
    kubernetesNamespaces = List.copyOf(kubernetesNamespaces);
  }

  /** An entity without tier, customer-facing flag or address mappings. */
  public static CatalogEntity plain(EntityRef ref) {
    return new CatalogEntity(ref, 0, false, List.of(), List.of());
  }
}
