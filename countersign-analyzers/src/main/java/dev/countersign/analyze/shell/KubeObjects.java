package dev.countersign.analyze.shell;

import dev.countersign.analyze.shell.KubeManifests.KubeObject;
import dev.countersign.model.Verb;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Which Kubernetes objects a {@code kubectl} command names ({@code TYPE NAME...}, {@code
 * TYPE/NAME}, {@code -f} files, a manifest in a here-document) and what deleting or replacing them
 * means: namespaces, volumes, claims, StatefulSets and CRDs are stateful; a namespace is an
 * environment; objects Countersign cannot see are treated as stateful.
 */
final class KubeObjects {

  private static final Map<String, String> KINDS =
      Map.ofEntries(
          Map.entry("ns", "namespace"),
          Map.entry("namespaces", "namespace"),
          Map.entry("project", "namespace"),
          Map.entry("projects", "namespace"),
          Map.entry("po", "pod"),
          Map.entry("pods", "pod"),
          Map.entry("svc", "service"),
          Map.entry("services", "service"),
          Map.entry("deploy", "deployment"),
          Map.entry("deployments", "deployment"),
          Map.entry("sts", "statefulset"),
          Map.entry("statefulsets", "statefulset"),
          Map.entry("pvc", "persistentvolumeclaim"),
          Map.entry("persistentvolumeclaims", "persistentvolumeclaim"),
          Map.entry("pv", "persistentvolume"),
          Map.entry("persistentvolumes", "persistentvolume"),
          Map.entry("cm", "configmap"),
          Map.entry("configmaps", "configmap"),
          Map.entry("secrets", "secret"),
          Map.entry("ds", "daemonset"),
          Map.entry("daemonsets", "daemonset"),
          Map.entry("rs", "replicaset"),
          Map.entry("replicasets", "replicaset"),
          Map.entry("jobs", "job"),
          Map.entry("cj", "cronjob"),
          Map.entry("cronjobs", "cronjob"),
          Map.entry("ing", "ingress"),
          Map.entry("ingresses", "ingress"),
          Map.entry("crd", "customresourcedefinition"),
          Map.entry("crds", "customresourcedefinition"),
          Map.entry("customresourcedefinitions", "customresourcedefinition"),
          Map.entry("no", "node"),
          Map.entry("nodes", "node"),
          Map.entry("sa", "serviceaccount"),
          Map.entry("serviceaccounts", "serviceaccount"));

  private static final Set<String> STATEFUL =
      Names.of(
          "namespace persistentvolumeclaim persistentvolume statefulset "
              + "customresourcedefinition manifest unknown all");

  private KubeObjects() {}

  /** The objects by kind: named ones, {@code -f} files (kind "manifest"), here-documents. */
  static Map<String, List<String>> named(KubeArgs args, List<String> names, Stdin stdin) {
    String namespace = args.first("-n", "--namespace");
    Map<String, List<String>> byKind = new LinkedHashMap<>();
    for (String file : args.all("-f", "--filename", "-k", "--kustomize")) {
      if (file.equals("-") && stdin.kind() == Stdin.Kind.TEXT) {
        for (String text : stdin.texts()) {
          for (KubeObject o : KubeManifests.read(text)) {
            String ns = o.namespace().isEmpty() ? namespace : o.namespace();
            byKind
                .computeIfAbsent(o.kind(), k -> new ArrayList<>())
                .add(qualify(o.kind(), o.name(), ns));
          }
        }
      } else {
        String what = file.equals("-") ? "(manifest from " + stdin.describe() + ")" : file;
        byKind.computeIfAbsent("manifest", k -> new ArrayList<>()).add(what);
      }
    }
    boolean typeThenNames = names.stream().noneMatch(n -> n.contains("/"));
    if (!names.isEmpty() && typeThenNames) {
      List<String> objects =
          names.size() > 1 ? names.subList(1, names.size()) : List.of(selection(args));
      for (String kind : names.getFirst().split(",")) {
        String k = kind(kind);
        for (String o : objects) {
          byKind.computeIfAbsent(k, x -> new ArrayList<>()).add(qualify(k, o, namespace));
        }
      }
    } else {
      for (String typed : names) {
        int slash = typed.indexOf('/');
        String k = slash < 0 ? "unknown" : kind(typed.substring(0, slash));
        byKind
            .computeIfAbsent(k, x -> new ArrayList<>())
            .add(qualify(k, typed.substring(slash + 1), namespace));
      }
    }
    if (byKind.isEmpty()) {
      byKind.put("unknown", new ArrayList<>(List.of(selection(args))));
    }
    return byKind;
  }

  /**
   * One action per kind: {@code verb} of those objects, and recreate-environment for namespaces.
   */
  static Verdict act(Map<String, List<String>> byKind, Verb verb, String what) {
    Verdict verdict = Verdict.NONE;
    for (Map.Entry<String, List<String>> e : byKind.entrySet()) {
      String kind = e.getKey();
      String address = String.join(" ", e.getValue());
      boolean unseen = kind.equals("manifest") || kind.equals("unknown");
      String reason =
          unseen
              ? what + " objects Countersign cannot see; treated as stateful"
              : what + " " + kind + " objects";
      Verdict v = Verdict.one(verb, "kubernetes/" + kind, address, STATEFUL.contains(kind), reason);
      if (kind.equals("namespace")) {
        v =
            v.recreatesEnvironment(
                "kubectl "
                    + verb.wire()
                    + " of namespace "
                    + address
                    + " deletes every object in it.",
                address);
      }
      verdict = verdict.and(v);
    }
    return verdict;
  }

  static String kind(String word) {
    String k = word.toLowerCase(Locale.ROOT);
    int dot = k.indexOf('.');
    k = dot > 0 ? k.substring(0, dot) : k;
    return KINDS.getOrDefault(k, k);
  }

  private static String qualify(String kind, String name, String namespace) {
    return kind.equals("namespace") || kind.equals("manifest") || namespace.isEmpty()
        ? name
        : namespace + "/" + name;
  }

  private static String selection(KubeArgs args) {
    if (args.has("--all")) {
      return "*";
    }
    String selector = args.first("-l", "--selector");
    return selector.isEmpty() ? "(unnamed)" : "selector " + selector;
  }
}
