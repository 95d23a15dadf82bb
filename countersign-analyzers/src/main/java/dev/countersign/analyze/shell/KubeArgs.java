package dev.countersign.analyze.shell;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A {@code kubectl} (or {@code helm}) command line split into flags with their values and
 * positional words; everything after {@code --} is kept apart (the command of {@code exec}).
 *
 * @param flags each flag with its values, e.g. {@code -n -> [shop]}
 * @param positional the subcommand and its operands
 * @param afterDashes the words after {@code --}
 */
record KubeArgs(Map<String, List<String>> flags, List<String> positional, List<Word> afterDashes) {

  private static final Set<String> VALUE_FLAGS =
      Names.of(
          "-n --namespace --context --kubeconfig --cluster --user -s --server --token "
              + "--as --as-group --request-timeout -l --selector -f --filename -k --kustomize "
              + "-o --output --field-selector --grace-period --timeout --cascade -c --container "
              + "--replicas --prune-allowlist --prune-whitelist --field-manager -p --patch "
              + "--type --image --port --values --set --set-string --version --repo "
              + "--kube-context --revision --max --pod-running-timeout --chunk-size");

  KubeArgs {
    positional = List.copyOf(positional);
    afterDashes = List.copyOf(afterDashes);
  }

  static KubeArgs parse(List<Word> words) {
    Map<String, List<String>> flags = new LinkedHashMap<>();
    List<String> positional = new ArrayList<>();
    for (int i = 0; i < words.size(); i++) {
      String a = words.get(i).text();
      if (a.equals("--")) {
        return new KubeArgs(flags, positional, words.subList(i + 1, words.size()));
      }
      int eq = a.indexOf('=');
      if (a.startsWith("-") && eq > 0) {
        add(flags, a.substring(0, eq), a.substring(eq + 1));
      } else if (a.startsWith("-n") && a.length() > 2 && !a.startsWith("--")) {
        add(flags, "-n", a.substring(2));
      } else if (VALUE_FLAGS.contains(a) && i + 1 < words.size()) {
        add(flags, a, words.get(++i).text());
      } else if (a.startsWith("-") && a.length() > 1) {
        flags.computeIfAbsent(a, k -> new ArrayList<>());
      } else {
        positional.add(a);
      }
    }
    return new KubeArgs(flags, positional, List.of());
  }

  private static void add(Map<String, List<String>> flags, String name, String value) {
    flags.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
  }

  String sub() {
    return positional.isEmpty() ? "" : positional.getFirst().toLowerCase(Locale.ROOT);
  }

  boolean has(String... names) {
    for (String n : names) {
      if (flags.containsKey(n)) {
        return true;
      }
    }
    return false;
  }

  /** The first value of the first of {@code names} given, or "". */
  String first(String... names) {
    for (String n : names) {
      List<String> v = flags.get(n);
      if (v != null && !v.isEmpty()) {
        return v.getFirst();
      }
    }
    return "";
  }

  /** Every value of {@code names}, in order. */
  List<String> all(String... names) {
    List<String> out = new ArrayList<>();
    for (String n : names) {
      out.addAll(flags.getOrDefault(n, List.of()));
    }
    return out;
  }
}
