package dev.countersign.analyze.shell;

import dev.countersign.analyze.shell.Verdict.Outcome;
import dev.countersign.model.Verb;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code kubectl} (and {@code oc}): {@code delete} deletes objects (namespaces, volumes, claims,
 * StatefulSets and CRDs are stateful; a namespace is an environment); inspections only read.
 */
final class KubectlRule {

  private static final Set<String> READS =
      Set.of(
          "get",
          "describe",
          "logs",
          "top",
          "explain",
          "api-resources",
          "api-versions",
          "version",
          "cluster-info",
          "diff",
          "auth",
          "events",
          "wait");
  private static final Set<String> VALUE_FLAGS =
      Set.of(
          "-n",
          "--namespace",
          "--context",
          "--kubeconfig",
          "--cluster",
          "--user",
          "-s",
          "--server",
          "--token",
          "--as",
          "--as-group",
          "--request-timeout",
          "-l",
          "--selector",
          "-f",
          "--filename",
          "-k",
          "--kustomize",
          "-o",
          "--output",
          "--field-selector",
          "--grace-period",
          "--timeout",
          "--cascade");
  private static final Map<String, String> KINDS =
      Map.ofEntries(
          Map.entry("ns", "namespace"),
          Map.entry("namespaces", "namespace"),
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
  private static final Set<String> STATEFUL_KINDS =
      Set.of(
          "namespace",
          "persistentvolumeclaim",
          "persistentvolume",
          "statefulset",
          "customresourcedefinition");

  private KubectlRule() {}

  static Verdict classify(Invocation inv) {
    Map<String, List<String>> flags = new LinkedHashMap<>();
    List<String> positional = new ArrayList<>();
    List<String> args = inv.args();
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (a.equals("--")) {
        break;
      }
      int eq = a.indexOf('=');
      if (a.startsWith("-") && eq > 0) {
        flags.computeIfAbsent(a.substring(0, eq), k -> new ArrayList<>()).add(a.substring(eq + 1));
      } else if (a.startsWith("-n") && a.length() > 2 && !a.startsWith("--")) {
        flags.computeIfAbsent("-n", k -> new ArrayList<>()).add(a.substring(2));
      } else if (VALUE_FLAGS.contains(a) && i + 1 < args.size()) {
        flags.computeIfAbsent(a, k -> new ArrayList<>()).add(args.get(++i));
      } else if (a.startsWith("-")) {
        flags.computeIfAbsent(a, k -> new ArrayList<>());
      } else {
        positional.add(a);
      }
    }
    String sub = positional.isEmpty() ? "" : positional.get(0);
    if (sub.equals("delete")) {
      return delete(positional.subList(1, positional.size()), flags);
    }
    if (READS.contains(sub)
        || (sub.equals("config")
            && positional.size() > 1
            && (positional.get(1).equals("view")
                || positional.get(1).startsWith("get-")
                || positional.get(1).equals("current-context")))) {
      return Verdict.read(inv, "kubernetes");
    }
    return Verdict.exec(
        inv,
        inv.program()
            + " "
            + sub
            + " changes cluster state; Countersign does not see which objects");
  }

  private static Verdict delete(List<String> names, Map<String, List<String>> flags) {
    String namespace = first(flags, "-n", "--namespace");
    Map<String, List<String>> byKind = new LinkedHashMap<>();
    for (String file : concat(flags, "-f", "--filename", "-k", "--kustomize")) {
      byKind.computeIfAbsent("manifest", k -> new ArrayList<>()).add(file);
    }
    boolean typeThenNames = names.stream().noneMatch(n -> n.contains("/"));
    if (!names.isEmpty() && typeThenNames) {
      List<String> objects =
          names.size() > 1 ? names.subList(1, names.size()) : List.of(selection(flags));
      for (String kind : names.get(0).split(",")) {
        byKind.computeIfAbsent(kind(kind), k -> new ArrayList<>()).addAll(objects);
      }
    } else {
      for (String typed : names) {
        int slash = typed.indexOf('/');
        String kind = slash < 0 ? "unknown" : kind(typed.substring(0, slash));
        byKind.computeIfAbsent(kind, k -> new ArrayList<>()).add(typed.substring(slash + 1));
      }
    }
    if (byKind.isEmpty()) {
      byKind.put("unknown", new ArrayList<>(List.of(selection(flags))));
    }
    Verdict verdict = Verdict.of(List.of());
    for (Map.Entry<String, List<String>> e : byKind.entrySet()) {
      verdict = verdict.and(deleteKind(e.getKey(), e.getValue(), namespace));
    }
    return verdict;
  }

  private static Verdict deleteKind(String kind, List<String> objects, String namespace) {
    boolean manifest = kind.equals("manifest") || kind.equals("unknown");
    List<String> addresses = new ArrayList<>();
    for (String o : objects) {
      addresses.add(
          manifest || kind.equals("namespace") || namespace.isEmpty() ? o : namespace + "/" + o);
    }
    String address = String.join(" ", addresses);
    String reason =
        manifest
            ? "kubectl delete of objects Countersign cannot see; treated as stateful"
            : "kubectl delete deletes " + kind + " objects";
    Verdict verdict =
        Verdict.of(
            new Outcome(
                Verb.DELETE,
                "kubernetes/" + kind,
                address,
                manifest || STATEFUL_KINDS.contains(kind),
                reason));
    if (kind.equals("namespace")) {
      verdict =
          verdict.recreatesEnvironment(
              "kubectl delete namespace " + address + " deletes every object in it.", address);
    }
    return verdict;
  }

  private static String kind(String word) {
    String k = word.toLowerCase(Locale.ROOT);
    int dot = k.indexOf('.');
    k = dot > 0 ? k.substring(0, dot) : k;
    return KINDS.getOrDefault(k, k);
  }

  private static String selection(Map<String, List<String>> flags) {
    if (flags.containsKey("--all")) {
      return "*";
    }
    String selector = first(flags, "-l", "--selector");
    return selector.isEmpty() ? "(unnamed)" : "selector " + selector;
  }

  private static String first(Map<String, List<String>> flags, String... names) {
    for (String n : names) {
      List<String> v = flags.get(n);
      if (v != null && !v.isEmpty()) {
        return v.get(0);
      }
    }
    return "";
  }

  private static List<String> concat(Map<String, List<String>> flags, String... names) {
    List<String> all = new ArrayList<>();
    for (String n : names) {
      all.addAll(flags.getOrDefault(n, List.of()));
    }
    return all;
  }
}
