package dev.countersign.analyze.shell;

import dev.countersign.model.Verb;
import java.util.List;
import java.util.Set;

/**
 * {@code helm}: {@code uninstall} deletes a release with everything its chart created, treated as
 * stateful since charts often hold volumes and databases; {@code rollback} replaces the release's
 * objects with an older revision; {@code upgrade --force} replaces objects; inspections only read.
 */
final class HelmRule {

  private static final Set<String> READS =
      Names.of(
          "list ls status get history hist show inspect template lint search version env "
              + "diff verify help completion");
  private static final Set<String> LOCAL =
      Names.of("repo dependency dep plugin pull fetch package push registry");

  private HelmRule() {}

  static Verdict classify(Invocation inv, Context ctx) {
    KubeArgs args = KubeArgs.parse(inv.argWords());
    String sub = args.sub();
    List<String> operands =
        args.positional().subList(Math.min(1, args.positional().size()), args.positional().size());
    String release = operands.isEmpty() ? "(release)" : operands.getFirst();
    String namespace = args.first("-n", "--namespace");
    String address = namespace.isEmpty() ? release : namespace + "/" + release;
    if (READS.contains(sub)
        || sub.equals("repo") && operands.contains("list")
        || args.has("--dry-run")) {
      return Verdict.read(inv, "helm-release");
    }
    return switch (sub) {
      case "uninstall", "delete", "del", "un" ->
          Verdict.one(
              Verb.DELETE,
              "helm-release",
              String.join(
                  " ", operands.isEmpty() ? List.of(address) : qualified(operands, namespace)),
              true,
              "helm uninstall deletes everything the chart created; treated as stateful since"
                  + " charts often hold volumes and databases");
      case "rollback" ->
          Verdict.one(
              Verb.REPLACE,
              "helm-release",
              address,
              false,
              "helm rollback replaces the release's objects with those of an older revision");
      case "upgrade", "install" ->
          args.has("--force")
              ? Verdict.one(
                  Verb.REPLACE,
                  "helm-release",
                  address,
                  false,
                  "helm " + sub + " --force replaces objects instead of patching them")
              : Verdict.one(
                  sub.equals("install") ? Verb.CREATE : Verb.UPDATE,
                  "helm-release",
                  address,
                  false,
                  "helm " + sub + " deploys the chart");
      case "test" -> Verdict.opaque(inv, "helm test runs the chart's test pods");
      default ->
          LOCAL.contains(sub)
              ? Verdict.one(
                  Verb.UPDATE,
                  "helm-repository",
                  String.join(" ", operands),
                  false,
                  "helm " + sub + " changes local charts or repositories")
              : Verdict.opaque(
                  inv, "helm " + sub + " is a plugin or command Countersign does not know");
    };
  }

  private static List<String> qualified(List<String> releases, String namespace) {
    return namespace.isEmpty()
        ? releases
        : releases.stream().map(r -> namespace + "/" + r).toList();
  }
}
