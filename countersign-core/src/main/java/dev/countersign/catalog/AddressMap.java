package dev.countersign.catalog;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * The address mappings of {@link CatalogAnnotations}: Terraform prefixes and Kubernetes
 * namespaces, each with the entities that claim them. Catalogs hold few of these, so prefixes are
 * scanned linearly.
 */
final class AddressMap {
  private final List<String> prefixes = new ArrayList<>();
  private final List<Integer> prefixNodes = new ArrayList<>();
  private final Map<String, List<Integer>> namespaces = new HashMap<>();

  void prefix(String prefix, int node) {
    prefixes.add(prefix);
    prefixNodes.add(node);
  }

  void namespace(String namespace, int node) {
    namespaces.computeIfAbsent(namespace, k -> new ArrayList<>()).add(node);
  }

  /** Reports every entity whose Terraform prefix covers {@code address}. */
  void terraform(String address, IntConsumer out) {
    for (int i = 0; i < prefixes.size(); i++) {
      if (covers(prefixes.get(i), address)) {
        out.accept(prefixNodes.get(i));
      }
    }
  }

  /** Reports every entity that claims the Kubernetes namespace. */
  void kubernetes(String namespace, IntConsumer out) {
    for (int node : namespaces.getOrDefault(namespace, List.of())) {
      out.accept(node);
    }
  }

  boolean isEmpty() {
    return prefixes.isEmpty() && namespaces.isEmpty();
  }

  static boolean covers(String prefix, String address) {
    if (!address.startsWith(prefix)) {
      return false;
    }
    if (address.length() == prefix.length() || prefix.endsWith(".")) {
      return true;
    }
    char next = address.charAt(prefix.length());
    return next == '.' || next == '[';
  }
}
