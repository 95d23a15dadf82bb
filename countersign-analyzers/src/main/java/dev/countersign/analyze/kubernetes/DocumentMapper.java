package dev.countersign.analyze.kubernetes;

import static dev.countersign.analyze.kubernetes.ObjectFields.string;

import java.util.List;
import java.util.Map;

/**
 * Tells what a document is (an {@code AdmissionReview}, a bare admission request, a list of objects
 * or one object) and hands it to the mapper for that shape.
 */
final class DocumentMapper {

  private DocumentMapper() {}

  /** Maps one document; an empty document yields nothing. */
  static void map(Document document, KubernetesFacts facts) {
    if (document.isEmpty()) {
      return;
    }
    Where where = document.where();
    if (!(document.value() instanceof Map<?, ?> map)) {
      throw where.invalid(
          "is "
              + (document.value() instanceof List<?> ? "a list" : "a single value")
              + ", not a Kubernetes object (a mapping with apiVersion and kind)");
    }
    List<String> exact = document.exactNumbers();
    if (string(map.get("kind")).equals("AdmissionReview")) {
      if (!(map.get("request") instanceof Map<?, ?> request)) {
        throw where.invalid("is an AdmissionReview without a request");
      }
      AdmissionMapper.map(request, where.child("request"), exact, facts);
    } else if (isBareRequest(map)) {
      AdmissionMapper.map(map, where, exact, facts);
    } else {
      object(map, where, exact, facts);
    }
  }

  /** An admission request without its envelope: an operation, a uid and a kind that is a GVK. */
  private static boolean isBareRequest(Map<?, ?> map) {
    return map.get("operation") instanceof String
        && map.containsKey("uid")
        && !(map.get("kind") instanceof String);
  }

  /** One object, or a list of them ({@code kind: List}, {@code PodList}, ...), recursively. */
  private static void object(
      Map<?, ?> map, Where where, List<String> exact, KubernetesFacts facts) {
    String kind = string(map.get("kind"));
    boolean list =
        kind.equals("List") || (kind.endsWith("List") && map.get("items") instanceof List<?>);
    if (!list) {
      ManifestMapper.map(map, where, exact, facts);
      return;
    }
    if (!(map.get("items") instanceof List<?> items)) {
      throw where.invalid("is a List without an items list");
    }
    for (int i = 0; i < items.size(); i++) {
      Where item = where.child("items[" + i + "]");
      if (!(items.get(i) instanceof Map<?, ?> itemMap)) {
        throw item.invalid("is not a Kubernetes object");
      }
      object(itemMap, item, exact, facts);
    }
  }
}
