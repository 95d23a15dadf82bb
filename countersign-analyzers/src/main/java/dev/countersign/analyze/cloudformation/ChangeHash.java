package dev.countersign.analyze.cloudformation;

import dev.countersign.digest.CanonicalJson;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The content hash of one resource change: SHA-256 over the canonical JSON of what will happen to
 * the resource (see the package documentation for the fields). {@code Scope} and {@code Details}
 * are hashed as sets, so CloudFormation listing them in another order keeps the hash.
 */
final class ChangeHash {

  private static final List<String> HASHED =
      List.of("Action", "Replacement", "PolicyAction", "PhysicalResourceId", "ModuleInfo");
  private static final List<String> SETS = List.of("Scope", "Details");

  private ChangeHash() {}

  /** The hex SHA-256 of the resource change's canonical details. */
  static String of(Map<?, ?> rc, ResourceContexts contexts, List<String> lossyNumbers) {
    Map<String, Object> hashed = new LinkedHashMap<>();
    for (String key : HASHED) {
      if (rc.get(key) != null) {
        hashed.put(key, finite(rc.get(key)));
      }
    }
    for (String key : SETS) {
      if (rc.get(key) instanceof List<?> list) {
        hashed.put(key, sorted(list));
      } else if (rc.get(key) != null) {
        hashed.put(key, finite(rc.get(key)));
      }
    }
    contexts.values().forEach((k, v) -> hashed.put(k, finite(v)));
    List<String> exact = new ArrayList<>(lossyNumbers);
    exact.addAll(contexts.lossyNumbers());
    if (!exact.isEmpty()) {
      hashed.put("exact_numbers", exact);
    }
    return CanonicalJson.sha256Hex(hashed);
  }

  private static List<String> sorted(List<?> list) {
    List<String> canonical = new ArrayList<>(list.size());
    for (Object item : list) {
      canonical.add(CanonicalJson.write(finite(item)));
    }
    canonical.sort(String::compareTo);
    return canonical;
  }

  /**
   * The value with every number a double cannot hold at all (beyond its range) as its text, which
   * canonical JSON cannot write as a number; such numbers are in the exact-numbers list anyway.
   */
  private static Object finite(Object value) {
    return switch (value) {
      case BigInteger b when Double.isInfinite(b.doubleValue()) -> b.toString();
      case BigDecimal b when Double.isInfinite(b.doubleValue()) -> b.toString();
      case Map<?, ?> m -> {
        Map<Object, Object> copy = new LinkedHashMap<>();
        m.forEach((k, v) -> copy.put(k, finite(v)));
        yield copy;
      }
      case List<?> l -> l.stream().map(ChangeHash::finite).toList();
      default -> value;
    };
  }
}
