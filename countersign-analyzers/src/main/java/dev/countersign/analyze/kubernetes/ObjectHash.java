package dev.countersign.analyze.kubernetes;

import dev.countersign.digest.CanonicalJson;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Content hashes over objects without what the cluster writes on its own (the fields are listed in
 * the package documentation), so that the same intent hashes alike whether it comes from a file,
 * {@code kubectl get} or an admission request.
 */
final class ObjectHash {

  private static final Set<String> NOISY_METADATA =
      Set.of(
          "resourceVersion",
          "uid",
          "creationTimestamp",
          "managedFields",
          "generation",
          "selfLink",
          "deletionTimestamp",
          "deletionGracePeriodSeconds");

  private ObjectHash() {}

  /** The hash of what is hashed, plus the exact text of its imprecise numbers if any. */
  static String of(Map<String, Object> hashed, List<String> exactNumbers) {
    Map<String, Object> all = new LinkedHashMap<>(hashed);
    if (!exactNumbers.isEmpty()) {
      all.put("exact_numbers", List.copyOf(exactNumbers));
    }
    return CanonicalJson.sha256Hex(finite(all));
  }

  /** The object without its status and without the noisy metadata fields. */
  static Object clean(Object object) {
    if (!(object instanceof Map<?, ?> map)) {
      return object;
    }
    Map<Object, Object> copy = new LinkedHashMap<>();
    map.forEach(
        (k, v) -> {
          if (k.equals("metadata") && v instanceof Map<?, ?> metadata) {
            Map<Object, Object> kept = new LinkedHashMap<>();
            metadata.forEach(
                (mk, mv) -> {
                  if (!NOISY_METADATA.contains(mk)) {
                    kept.put(mk, mv);
                  }
                });
            copy.put(k, kept);
          } else if (!k.equals("status")) {
            copy.put(k, v);
          }
        });
    return copy;
  }

  /** Numbers beyond a double's range as their text; they are in the exact-numbers list anyway. */
  private static Object finite(Object value) {
    return switch (value) {
      case BigInteger b when Double.isInfinite(b.doubleValue()) -> b.toString();
      case BigDecimal b when Double.isInfinite(b.doubleValue()) -> b.toString();
      case Map<?, ?> m -> {
        Map<Object, Object> copy = new LinkedHashMap<>();
        m.forEach((k, v) -> copy.put(k, finite(v)));
        yield copy;
      }
      case List<?> l -> l.stream().map(ObjectHash::finite).toList();
      default -> value;
    };
  }
}
