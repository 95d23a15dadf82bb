package dev.countersign.analyze.kubernetes;

import static dev.countersign.analyze.kubernetes.ObjectFields.mapping;
import static dev.countersign.analyze.kubernetes.ObjectFields.string;

import dev.countersign.digest.CanonicalJson;
import dev.countersign.model.Action;
import dev.countersign.model.Finding;
import dev.countersign.model.Verb;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps one admission request ({@code AdmissionReview.request}) to the action the API server is
 * about to take. The request's {@code kind}, {@code name} and {@code namespace} win over the
 * object's; for a subresource the kind comes from the resource ({@code deployments/scale} is about
 * a Deployment, not a {@code Scale}).
 */
final class AdmissionMapper {

  private static final List<String> HASHED_WHEN_PRESENT =
      List.of("kind", "resource", "subResource", "options", "dryRun");

  private AdmissionMapper() {}

  /** Maps the request and adds the action to {@code facts}. */
  static void map(Map<?, ?> request, Where where, List<String> exact, KubernetesFacts facts) {
    String operation = string(request.get("operation"));
    if (operation.isBlank()) {
      throw where.invalid("has no operation");
    }
    AdmissionOperation op = AdmissionOperation.of(operation);
    Map<?, ?> object = mapping(request.get("object"));
    Map<?, ?> oldObject = mapping(request.get("oldObject"));
    Map<?, ?> subject =
        op.verb() == Verb.DELETE
            ? (oldObject.isEmpty() ? object : oldObject)
            : (object.isEmpty() ? oldObject : object);
    ObjectRef ref = ref(request, subject, where);
    String service = ObjectFields.service(object);
    Action action =
        new Action(
            op.verb(),
            ref.resourceType(),
            ref.address(),
            service.isEmpty() ? ObjectFields.service(oldObject) : service,
            KubernetesKinds.isStateful(ref.kind()),
            op.reason(string(request.get("subResource"))),
            ObjectHash.of(hashed(request, object, oldObject), exact));
    List<Finding> findings = new ArrayList<>(KubernetesFindings.of(action, ref.kind()));
    op.finding(action).ifPresent(findings::add);
    if (Boolean.TRUE.equals(request.get("dryRun"))) {
      findings.add(KubernetesFindings.dryRun(action));
    }
    facts.add(action, findings);
  }

  private static ObjectRef ref(Map<?, ?> request, Map<?, ?> subject, Where where) {
    String subResource = string(request.get("subResource"));
    String fromResource = string(mapping(request.get("resource")).get("resource"));
    String kind = string(mapping(request.get("kind")).get("kind"));
    if (!subResource.isEmpty() || kind.isEmpty()) {
      kind = KubernetesKinds.forResource(fromResource).orElse(kind);
    }
    if (kind.isEmpty()) {
      kind = string(subject.get("kind"));
    }
    if (kind.isBlank()) {
      throw where.invalid("has no kind (neither kind.kind nor the object's kind)");
    }
    String name = string(request.get("name"));
    if (name.isEmpty()) {
      name = ObjectFields.name(subject);
    }
    if (name.isBlank()) {
      throw where.invalid(
          "(" + kind + ") has no name (neither name nor the object's metadata.name)");
    }
    String namespace = string(request.get("namespace"));
    if (namespace.isEmpty()) {
      namespace = ObjectFields.meta(subject, "namespace");
    }
    return new ObjectRef(kind, namespace, name);
  }

  /** What the request will do: never its uid or who sent it, which change with every request. */
  private static Map<String, Object> hashed(
      Map<?, ?> request, Map<?, ?> object, Map<?, ?> oldObject) {
    Map<String, Object> hashed = new LinkedHashMap<>();
    hashed.put("operation", request.get("operation"));
    for (String key : HASHED_WHEN_PRESENT) {
      Object value = request.get(key);
      if (value != null) {
        hashed.put(key, value);
      }
    }
    hashed.put("object", object.isEmpty() ? CanonicalJson.NULL : ObjectHash.clean(object));
    hashed.put("oldObject", oldObject.isEmpty() ? CanonicalJson.NULL : ObjectHash.clean(oldObject));
    return hashed;
  }
}
