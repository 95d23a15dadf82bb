package dev.countersign.analyze;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.countersign.digest.CanonicalJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Random damage to the shape of a well-formed document: a value anywhere in the tree replaced by
 * one of another type (null, a number, a string, a list, a mapping) or removed. Byte mutations
 * mostly stop at the parser; these reach the code that reads the fields.
 */
public final class TreeMutations {

  private static final ObjectMapper JSON = new ObjectMapper();

  private TreeMutations() {}

  /** Reads a JSON document into plain maps and lists. */
  public static Object read(byte[] json) {
    try {
      return JSON.readValue(json, Object.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes plain values (with {@link CanonicalJson#NULL} or Java null for null) as JSON. */
  public static byte[] write(Object value) {
    try {
      return JSON.writeValueAsBytes(unwrapNull(value));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A copy of the tree with one to three values replaced or removed. */
  public static Object mutate(Object tree, Random r) {
    Object copy = copy(tree);
    for (int i = 0, n = 1 + r.nextInt(3); i < n; i++) {
      List<Object> containers = new ArrayList<>();
      collect(copy, containers);
      Object target = containers.get(r.nextInt(containers.size()));
      damage(target, r);
    }
    return copy;
  }

  @SuppressWarnings("unchecked")
  private static void damage(Object container, Random r) {
    if (container instanceof Map<?, ?> m && !m.isEmpty()) {
      Map<String, Object> map = (Map<String, Object>) m;
      List<String> keys = new ArrayList<>(map.keySet());
      String key = keys.get(r.nextInt(keys.size()));
      if (r.nextInt(4) == 0) {
        map.remove(key);
      } else {
        map.put(key, randomValue(r));
      }
    } else if (container instanceof List<?> l && !l.isEmpty()) {
      List<Object> list = (List<Object>) l;
      int at = r.nextInt(list.size());
      if (r.nextInt(4) == 0) {
        list.remove(at);
      } else {
        list.set(at, randomValue(r));
      }
    }
  }

  private static Object randomValue(Random r) {
    return switch (r.nextInt(9)) {
      case 0 -> CanonicalJson.NULL;
      case 1 -> r.nextLong();
      case 2 -> r.nextDouble() * 1e300;
      case 3 -> r.nextBoolean();
      case 4 -> "";
      case 5 ->
          List.of("Remove", "DELETE", "Namespace", "List", "AdmissionReview").get(r.nextInt(5));
      case 6 -> new ArrayList<>(List.of(1, "x"));
      case 7 -> new LinkedHashMap<>(Map.of("kind", "Pod", "name", 3));
      default -> new LinkedHashMap<>();
    };
  }

  private static void collect(Object value, List<Object> containers) {
    if (value instanceof Map<?, ?> m) {
      containers.add(m);
      m.values().forEach(v -> collect(v, containers));
    } else if (value instanceof List<?> l) {
      containers.add(l);
      l.forEach(v -> collect(v, containers));
    }
  }

  private static Object copy(Object value) {
    if (value instanceof Map<?, ?> m) {
      Map<Object, Object> out = new LinkedHashMap<>();
      m.forEach((k, v) -> out.put(k, copy(v)));
      return out;
    }
    if (value instanceof List<?> l) {
      List<Object> out = new ArrayList<>();
      l.forEach(v -> out.add(copy(v)));
      return out;
    }
    return value;
  }

  private static Object unwrapNull(Object value) {
    if (value == CanonicalJson.NULL) {
      return null;
    }
    if (value instanceof Map<?, ?> m) {
      Map<Object, Object> out = new LinkedHashMap<>();
      m.forEach((k, v) -> out.put(k, unwrapNull(v)));
      return out;
    }
    if (value instanceof List<?> l) {
      List<Object> out = new ArrayList<>();
      l.forEach(v -> out.add(unwrapNull(v)));
      return out;
    }
    return value;
  }
}
