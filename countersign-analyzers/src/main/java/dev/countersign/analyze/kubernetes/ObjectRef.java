package dev.countersign.analyze.kubernetes;

/**
 * Which object an action is about.
 *
 * @param kind e.g. {@code StatefulSet}
 * @param namespace the namespace, or "" for cluster-scoped kinds and objects that name none
 * @param name the object's name
 */
record ObjectRef(String kind, String namespace, String name) {

  ObjectRef {
    if (KubernetesKinds.isClusterScoped(kind)) {
      namespace = "";
    }
  }

  /** {@code kubernetes/<Kind>}. */
  String resourceType() {
    return "kubernetes/" + kind;
  }

  /** {@code <namespace>/<Kind>/<name>}, or {@code <Kind>/<name>} without a namespace. */
  String address() {
    String local = kind + "/" + name;
    return namespace.isEmpty() ? local : namespace + "/" + local;
  }
}
