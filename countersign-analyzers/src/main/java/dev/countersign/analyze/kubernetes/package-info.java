/**
 * Kubernetes changes turned into actions: manifests (multi-document YAML or JSON, {@code kind:
 * List} and other {@code ...List} kinds included) and admission requests ({@code AdmissionReview}
 * with its {@code request}, or the bare {@code request}).
 *
 * <p>Verbs. An admission request says what the API server is about to do: {@code CREATE}, {@code
 * UPDATE} and {@code DELETE} are those verbs (for {@code DELETE} the object is {@code oldObject});
 * {@code CONNECT} (exec, attach, port-forward, proxy) is {@code exec} with an {@code opaque}
 * finding, because what runs inside the pod cannot be seen. A manifest carries no operation: it is
 * what {@code kubectl apply} would send, which creates the object or updates it in place, so its
 * verb is {@code update} with the reason "apply (create or update)". {@code update} rather than
 * {@code create} because it is the broader of the two: a grant that only allows creating must not
 * let an apply overwrite a live object; and an apply never deletes, so it is never destructive.
 * A dry-run admission request keeps its verb and gets a {@code dry-run} finding.
 *
 * <p>Resource type {@code kubernetes/<Kind>}; address {@code <namespace>/<Kind>/<name>}, or {@code
 * <Kind>/<name>} for cluster-scoped kinds and for objects that name no namespace (which kubectl
 * sends to its context's namespace, unknown here). The admission request's own {@code name} and
 * {@code namespace} win over the object's, because they are what the API server authorises.
 *
 * <p>Stateful kinds ({@link dev.countersign.analyze.kubernetes.KubernetesKinds}):
 * PersistentVolumeClaim, PersistentVolume, StatefulSet, Namespace, CustomResourceDefinition
 * (deleting one deletes every custom resource of its kind); deleting one is data loss, and
 * deleting a Namespace is also recreate-environment. The service of an action is, in this order,
 * the annotation {@code countersign.dev/service}, the label {@code countersign.dev/service}, the
 * label {@code app.kubernetes.io/part-of}, then the label {@code app.kubernetes.io/name}: an
 * explicit mapping first, then the application an object is part of, then its own name.
 *
 * <p>The content hash covers the object (and, for admission requests, the old object, the
 * operation, subresource, options and dry-run flag) without what the cluster writes on its own:
 * {@code status} and {@code metadata.resourceVersion}, {@code uid}, {@code creationTimestamp},
 * {@code managedFields}, {@code generation}, {@code selfLink}, {@code deletionTimestamp} and {@code
 * deletionGracePeriodSeconds}. The same object written as YAML or JSON hashes alike.
 *
 * <p>Input is read whole, so it is bounded to 16 MiB: text starting with
 * {@code {} or {@code [} is JSON (Jackson, exact numbers, no duplicate keys), anything else YAML
 * through {@link dev.countersign.config.yaml.SafeYaml} (bounded size, depth, aliases and expanded
 * nodes; no tags; merge keys {@code <<} refused, since Kubernetes would merge what a reviewer sees
 * as one key). Plain YAML scalars are typed by the YAML 1.2 core schema.
 *
 * <p>Depends on the core model and digest, Jackson's streaming core, {@code
 * dev.countersign.config.yaml} and {@code dev.countersign.analyze} (and its {@code json} helpers);
 * must not depend on other format packages, the store, the server or the CLI.
 */
@NullMarked
package dev.countersign.analyze.kubernetes;

import org.jspecify.annotations.NullMarked;
