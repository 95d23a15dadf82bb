package dev.countersign.analyze.kubernetes;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What Countersign knows about Kubernetes kinds: which hold data a re-apply cannot bring back,
 * which are cluster-scoped, and the kind of a resource named in an admission request's {@code
 * resource} (needed for subresources, where the request's own kind is {@code Scale} or {@code
 * PodExecOptions} rather than the object's).
 *
 * <p>Stateful: PersistentVolumeClaim, PersistentVolume (the data on the volume), StatefulSet (its
 * pods serve the data on their volumes; the issue counts its deletion as data loss even though
 * Kubernetes keeps the claims by default), Namespace (deleting one deletes everything in it) and
 * CustomResourceDefinition (deleting one deletes every custom resource of its kind). Not stateful:
 * Secrets and ConfigMaps, which are written from manifests or an external store that re-creates
 * them, and workloads, which re-applying rebuilds.
 */
public final class KubernetesKinds {

  private static final Map<String, String> STATEFUL =
      Map.of(
          "PersistentVolumeClaim", "a volume claim and, under the usual reclaim policy, its data",
          "PersistentVolume", "a persistent volume and the data on it",
          "StatefulSet", "a stateful set, whose pods serve the data on their volumes",
          "Namespace", "a namespace and everything in it",
          "CustomResourceDefinition",
              "a resource definition and every custom resource of its kind");

  private static final Set<String> CLUSTER_SCOPED =
      Set.of(
          "Namespace",
          "Node",
          "PersistentVolume",
          "StorageClass",
          "CSIDriver",
          "CSINode",
          "VolumeAttachment",
          "CustomResourceDefinition",
          "APIService",
          "ClusterRole",
          "ClusterRoleBinding",
          "PriorityClass",
          "RuntimeClass",
          "IngressClass",
          "MutatingWebhookConfiguration",
          "ValidatingWebhookConfiguration",
          "ValidatingAdmissionPolicy",
          "ValidatingAdmissionPolicyBinding",
          "MutatingAdmissionPolicy",
          "MutatingAdmissionPolicyBinding",
          "CertificateSigningRequest",
          "FlowSchema",
          "PriorityLevelConfiguration",
          "PodSecurityPolicy",
          "ComponentStatus");

  private static final Map<String, String> BY_RESOURCE =
      Map.ofEntries(
          Map.entry("pods", "Pod"),
          Map.entry("services", "Service"),
          Map.entry("nodes", "Node"),
          Map.entry("namespaces", "Namespace"),
          Map.entry("deployments", "Deployment"),
          Map.entry("statefulsets", "StatefulSet"),
          Map.entry("daemonsets", "DaemonSet"),
          Map.entry("replicasets", "ReplicaSet"),
          Map.entry("replicationcontrollers", "ReplicationController"),
          Map.entry("jobs", "Job"),
          Map.entry("cronjobs", "CronJob"),
          Map.entry("persistentvolumeclaims", "PersistentVolumeClaim"),
          Map.entry("persistentvolumes", "PersistentVolume"),
          Map.entry("serviceaccounts", "ServiceAccount"),
          Map.entry("customresourcedefinitions", "CustomResourceDefinition"));

  private KubernetesKinds() {}

  /** Whether deleting an object of this kind loses data. */
  public static boolean isStateful(String kind) {
    return STATEFUL.containsKey(kind);
  }

  /** What an object of this kind holds, in words, e.g. "a namespace and everything in it". */
  public static Optional<String> family(String kind) {
    return Optional.ofNullable(STATEFUL.get(kind));
  }

  /** Whether objects of this kind live outside namespaces. */
  public static boolean isClusterScoped(String kind) {
    return CLUSTER_SCOPED.contains(kind);
  }

  /** The kind of a built-in resource named by its plural, e.g. "deployments" → "Deployment". */
  static Optional<String> forResource(String resource) {
    return Optional.ofNullable(BY_RESOURCE.get(resource));
  }
}
