package dev.countersign.analyze.terraform;

import java.util.List;
import java.util.Map;

/**
 * Finds the catalog service a resource belongs to from its own tags or labels, until a catalog
 * mapping exists (a later issue).
 *
 * <p>Looks in the resource's values after the change (before it, for a delete) at the maps {@code
 * tags}, {@code tags_all}, {@code labels} and, for the Kubernetes provider, {@code
 * metadata[0].labels}, for the keys {@code countersign.dev/service}, then {@code
 * countersign-service} (GCP labels allow neither "." nor "/"), then {@code service}. The first
 * non-empty string wins; otherwise the service is empty (unknown).
 */
final class ServiceTags {

  private static final List<String> MAPS = List.of("tags", "tags_all", "labels");
  private static final List<String> KEYS =
      List.of("countersign.dev/service", "countersign-service", "service");

  private ServiceTags() {}

  /** The service named by the values, or empty. */
  static String service(Object after, Object before) {
    String found = fromValues(after);
    return found.isEmpty() ? fromValues(before) : found;
  }

  private static String fromValues(Object values) {
    if (!(values instanceof Map<?, ?> attributes)) {
      return "";
    }
    for (String key : KEYS) {
      for (String map : MAPS) {
        String v = lookup(attributes.get(map), key);
        if (!v.isEmpty()) {
          return v;
        }
      }
      if (attributes.get("metadata") instanceof List<?> metadata
          && !metadata.isEmpty()
          && metadata.get(0) instanceof Map<?, ?> first) {
        String v = lookup(first.get("labels"), key);
        if (!v.isEmpty()) {
          return v;
        }
      }
    }
    return "";
  }

  private static String lookup(Object map, String key) {
    if (map instanceof Map<?, ?> m && m.get(key) instanceof String s) {
      return s.strip();
    }
    return "";
  }
}
