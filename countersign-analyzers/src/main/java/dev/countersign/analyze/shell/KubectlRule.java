package dev.countersign.analyze.shell;

import dev.countersign.model.Verb;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code kubectl} (and {@code oc}): {@code delete} deletes objects; {@code replace --force} and
 * {@code apply --force} delete and re-create them; {@code apply --prune} deletes every object the
 * manifests no longer list; {@code drain} evicts every pod of a node (losing emptyDir data with
 * {@code --delete-emptydir-data}); {@code scale --replicas=0} is an update with a warning; {@code
 * exec POD -- CMD} runs CMD, which is analysed; inspections only read; plugins are opaque.
 */
final class KubectlRule {

  private static final Set<String> READS =
      Names.of(
          "get describe logs top explain api-resources api-versions version cluster-info "
              + "diff auth events wait port-forward proxy kustomize completion plugin help");
  private static final Set<String> UPDATES =
      Names.of(
          "patch edit label annotate set autoscale cordon uncordon taint rollout cp "
              + "certificate config");
  private static final Set<String> CONFIG_READS =
      Set.of("view", "current-context", "get-contexts", "get-clusters", "get-users");

  private KubectlRule() {}

  static Verdict classify(Invocation inv, Context ctx) {
    KubeArgs args = KubeArgs.parse(inv.argWords());
    String sub = args.sub();
    List<String> operands =
        args.positional().subList(Math.min(1, args.positional().size()), args.positional().size());
    if (READS.contains(sub)
        || sub.equals("config") && !operands.isEmpty() && CONFIG_READS.contains(operands.getFirst())
        || sub.equals("rollout")
            && !operands.isEmpty()
            && Set.of("status", "history").contains(operands.getFirst())) {
      return Verdict.read(inv, "kubernetes");
    }
    String tool = inv.program();
    String dryRun = args.first("--dry-run");
    if (args.has("--dry-run") && !dryRun.equals("none")) {
      return Verdict.one(
          Verb.READ,
          "kubernetes",
          inv.display(),
          false,
          tool + " " + sub + " --dry-run only shows what would change");
    }
    return switch (sub) {
      case "delete" ->
          KubeObjects.act(
              KubeObjects.named(args, operands, ctx.stdin()),
              Verb.DELETE,
              tool + " delete deletes");
      case "apply" -> apply(tool, args, operands, ctx);
      case "replace" ->
          args.has("--force")
              ? KubeObjects.act(
                  KubeObjects.named(args, operands, ctx.stdin()),
                  Verb.REPLACE,
                  tool + " replace --force deletes and re-creates")
              : KubeObjects.act(
                  KubeObjects.named(args, operands, ctx.stdin()),
                  Verb.UPDATE,
                  tool + " replace updates");
      case "drain" -> drain(tool, args, operands);
      case "scale" -> scale(tool, args, operands);
      case "exec" -> exec(inv, args, operands, ctx);
      case "create", "run", "expose" ->
          Verdict.one(
              Verb.CREATE,
              "kubernetes",
              String.join(" ", operands),
              false,
              tool + " " + sub + " creates objects");
      case "debug", "attach" -> Verdict.opaque(inv, tool + " " + sub + " opens a session in a pod");
      default ->
          UPDATES.contains(sub)
              ? Verdict.one(
                  Verb.UPDATE,
                  "kubernetes",
                  String.join(" ", args.positional()),
                  false,
                  tool + " " + sub + " changes objects")
              : Verdict.opaque(
                  inv, tool + " " + sub + " is a plugin or command Countersign does not know");
    };
  }

  private static Verdict apply(String tool, KubeArgs args, List<String> operands, Context ctx) {
    Map<String, List<String>> objects = KubeObjects.named(args, operands, ctx.stdin());
    Verdict verdict =
        args.has("--force")
            ? KubeObjects.act(
                objects, Verb.REPLACE, tool + " apply --force may delete and re-create")
            : KubeObjects.act(objects, Verb.UPDATE, tool + " apply creates or updates");
    if (args.has("--prune")) {
      String scope = args.first("-l", "--selector");
      verdict =
          verdict.and(
              Verdict.one(
                  Verb.DELETE,
                  "kubernetes/unknown",
                  scope.isEmpty() ? "(objects missing from the manifests)" : "selector " + scope,
                  true,
                  tool
                      + " apply --prune deletes every object the manifests no longer list;"
                      + " treated as stateful"));
    }
    return verdict;
  }

  private static Verdict drain(String tool, KubeArgs args, List<String> nodes) {
    boolean emptyDir = args.has("--delete-emptydir-data", "--delete-local-data");
    return Verdict.one(
        Verb.DELETE,
        "kubernetes/pod",
        "every pod on " + String.join(" ", nodes),
        emptyDir,
        tool
            + " drain evicts every pod of the node"
            + (emptyDir ? " and deletes their emptyDir data" : ""));
  }

  private static Verdict scale(String tool, KubeArgs args, List<String> operands) {
    String replicas = args.first("--replicas");
    String address = String.join(" ", operands);
    Verdict v =
        Verdict.one(
            Verb.UPDATE,
            "kubernetes",
            address,
            false,
            tool + " scale sets the replicas to " + replicas);
    return replicas.equals("0")
        ? v.warn(
            "scale-to-zero",
            tool + " scale --replicas=0 stops every pod of " + address + ".",
            address)
        : v;
  }

  private static Verdict exec(Invocation inv, KubeArgs args, List<String> operands, Context ctx) {
    String pod = operands.isEmpty() ? "(pod)" : operands.getFirst();
    List<Word> command = args.afterDashes();
    if (command.isEmpty() && operands.size() > 1) {
      int at = inv.args().indexOf(operands.get(1));
      command = inv.argWords().subList(at, inv.argWords().size());
    }
    if (command.isEmpty()) {
      return Verdict.opaque(inv, inv.program() + " exec opens a session in pod " + pod);
    }
    return ctx.invoke(command, " inside pod " + pod + " (via " + inv.program() + " exec)");
  }
}
