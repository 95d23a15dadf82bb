package dev.countersign.analyze.kubernetes;

import java.util.List;
import java.util.Map;

/** Lenient readers for the fields of a Kubernetes object held as plain values. */
final class ObjectFields {

  private static final List<String> SERVICE_LABELS =
      List.of("countersign.dev/service", "app.kubernetes.io/part-of", "app.kubernetes.io/name");

  private ObjectFields() {}

  /** The value if it is a string, otherwise "". */
  static String string(Object value) {
    return value instanceof String s ? s : "";
  }

  /** The value if it is a mapping, otherwise an empty one. */
  static Map<?, ?> mapping(Object value) {
    return value instanceof Map<?, ?> m ? m : Map.of();
  }

  /** {@code metadata.<field>} as a string, or "". */
  static String meta(Map<?, ?> object, String field) {
    return string(mapping(object.get("metadata")).get(field));
  }

  /** The object's name, {@code <generateName>*} when the server picks it, or "". */
  static String name(Map<?, ?> object) {
    String name = meta(object, "name");
    if (!name.isEmpty()) {
      return name;
    }
    String generated = meta(object, "generateName");
    return generated.isEmpty() ? "" : generated + "*";
  }

  /**
   * The catalog service the object names: annotation {@code countersign.dev/service}, then the
   * labels {@code countersign.dev/service}, {@code app.kubernetes.io/part-of} and {@code
   * app.kubernetes.io/name}; "" when none is set.
   */
  static String service(Map<?, ?> object) {
    Map<?, ?> metadata = mapping(object.get("metadata"));
    String annotated = string(mapping(metadata.get("annotations")).get("countersign.dev/service"));
    if (!annotated.isBlank()) {
      return annotated.strip();
    }
    Map<?, ?> labels = mapping(metadata.get("labels"));
    for (String label : SERVICE_LABELS) {
      String value = string(labels.get(label));
      if (!value.isBlank()) {
        return value.strip();
      }
    }
    return "";
  }
}
