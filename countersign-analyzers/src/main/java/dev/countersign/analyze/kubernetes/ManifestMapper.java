package dev.countersign.analyze.kubernetes;

import static dev.countersign.analyze.kubernetes.ObjectFields.string;

import dev.countersign.model.Action;
import dev.countersign.model.Verb;
import java.util.List;
import java.util.Map;

/** Maps one manifest object to the action {@code kubectl apply} would take: create or update. */
final class ManifestMapper {

  static final String APPLY_REASON =
      "apply (create or update): kubectl apply creates this object" + " or updates it in place";

  private ManifestMapper() {}

  /** Maps the object and adds the action to {@code facts}. */
  static void map(Map<?, ?> object, Where where, List<String> exact, KubernetesFacts facts) {
    String kind = string(object.get("kind"));
    if (kind.isBlank()) {
      throw where.invalid("has no kind");
    }
    if (string(object.get("apiVersion")).isBlank()) {
      throw where.invalid("(" + kind + ") has no apiVersion");
    }
    String name = ObjectFields.name(object);
    if (name.isBlank()) {
      throw where.invalid("(" + kind + ") has no metadata.name");
    }
    ObjectRef ref = new ObjectRef(kind, ObjectFields.meta(object, "namespace"), name);
    Action action =
        new Action(
            Verb.UPDATE,
            ref.resourceType(),
            ref.address(),
            ObjectFields.service(object),
            KubernetesKinds.isStateful(kind),
            APPLY_REASON,
            ObjectHash.of(Map.of("apply", ObjectHash.clean(object)), exact));
    facts.add(action, KubernetesFindings.of(action, kind));
  }
}
