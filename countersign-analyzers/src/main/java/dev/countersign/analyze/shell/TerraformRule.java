package dev.countersign.analyze.shell;

import dev.countersign.analyze.shell.Verdict.Outcome;
import dev.countersign.analyze.terraform.EnvironmentContainers;
import dev.countersign.analyze.terraform.ResourceAddresses;
import dev.countersign.analyze.terraform.StatefulResources;
import dev.countersign.model.Verb;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code terraform}, {@code tofu} and {@code terragrunt}: {@code destroy} and {@code apply
 * -destroy} delete a whole workspace (or the {@code -target}s), {@code apply -replace=ADDR}
 * replaces ADDR, {@code state rm} stops managing resources, {@code state push} overwrites the
 * state, {@code workspace delete} drops a workspace. An {@code apply} computes and applies a plan
 * nobody reviewed here: it is opaque, and the plan should be submitted instead. Plans and
 * inspections only read.
 */
final class TerraformRule {

  private static final Set<String> READS =
      Set.of(
          "plan",
          "show",
          "validate",
          "output",
          "version",
          "providers",
          "graph",
          "state list",
          "state show",
          "state pull",
          "workspace list",
          "workspace show",
          "console",
          "help",
          "metadata",
          "modules",
          "get",
          "providers schema",
          "providers lock");

  private static final Set<String> UPDATES =
      Names.of(
          "init fmt import refresh taint untaint force-unlock login logout state workspace hclfmt");

  private TerraformRule() {}

  static Verdict classify(Invocation inv, Context ctx) {
    TerraformArgs args = TerraformArgs.parse(inv.args());
    List<String> positional = args.positional();
    String sub = positional.isEmpty() ? "" : positional.get(0);
    String two = positional.size() > 1 ? sub + " " + positional.get(1) : sub;
    String tool = inv.program();
    if (sub.equals("destroy") || (sub.equals("apply") && args.destroy())) {
      return destroy(tool, args.chdir(), args.targets());
    }
    if (sub.equals("apply") && !args.replaces().isEmpty()) {
      return applyReplace(inv, args.chdir(), args.replaces());
    }
    if (sub.equals("apply")) {
      return apply(inv, positional);
    }
    if (two.equals("workspace delete") || two.equals("state rm") || two.equals("state push")) {
      return dropsState(tool, two, positional, args.chdir());
    }
    boolean versionOrHelp =
        sub.isEmpty() && inv.has("-version", "--version", "-help", "--help", "-v");
    if (READS.contains(sub) && !sub.equals("state") && !sub.equals("workspace")
        || READS.contains(two)
        || versionOrHelp
        || (sub.equals("fmt") && inv.has("-check", "--check"))) {
      return Verdict.read(inv, "terraform-workspace");
    }
    return UPDATES.contains(sub)
        ? Verdict.one(
            Verb.UPDATE,
            "terraform-workspace",
            args.chdir(),
            false,
            tool + " " + two + " changes the workspace, its state or its files")
        : Verdict.opaque(
            inv, tool + " " + sub + " may change infrastructure; analyse the plan instead");
  }

  /** {@code workspace delete}, {@code state rm} and {@code state push}. */
  private static Verdict dropsState(
      String tool, String two, List<String> positional, String chdir) {
    if (two.equals("workspace delete")) {
      String name = positional.size() > 2 ? positional.get(2) : "(workspace)";
      return Verdict.one(
              Verb.DELETE,
              "terraform-workspace",
              name,
              true,
              tool + " workspace delete drops the workspace's state")
          .recreatesEnvironment(
              tool + " workspace delete " + name + " drops a whole workspace.", name);
    }
    if (two.equals("state rm")) {
      String addresses = String.join(" ", positional.subList(2, positional.size()));
      return Verdict.one(
          Verb.DELETE,
          "terraform-state",
          addresses,
          false,
          tool + " state rm stops managing the resources; a later apply may create duplicates");
    }
    return Verdict.one(
        Verb.REPLACE,
        "terraform-state",
        chdir,
        true,
        tool + " state push overwrites the workspace's state");
  }

  private static Verdict apply(Invocation inv, List<String> positional) {
    String what =
        positional.size() > 1
            ? "applies the saved plan " + positional.get(1) + ", which Countersign has not seen"
            : "computes and applies a plan that nobody reviewed here";
    return Verdict.opaque(inv, inv.program() + " apply " + what)
        .warn(
            "needs-plan",
            "Submit the plan ("
                + inv.program()
                + " show -json PLANFILE) so Countersign can see"
                + " what apply would change.",
            inv.display());
  }

  private static Verdict applyReplace(Invocation inv, String chdir, List<String> replaces) {
    List<Outcome> outcomes = new ArrayList<>();
    for (String address : replaces) {
      outcomes.add(
          resource(
              Verb.REPLACE,
              address,
              inv.program() + " apply -replace destroys and re-creates " + address));
    }
    Verdict verdict = withEnvironmentFindings(Verdict.of(outcomes));
    return verdict.and(
        Verdict.opaque(
            inv,
            inv.program()
                + " apply also applies every other pending change in "
                + chdir
                + ", which this command does not show"));
  }

  private static Verdict destroy(String tool, String chdir, List<String> targets) {
    if (!targets.isEmpty()) {
      List<Outcome> outcomes = new ArrayList<>();
      for (String address : targets) {
        outcomes.add(resource(Verb.DELETE, address, tool + " destroy -target destroys " + address));
      }
      return withEnvironmentFindings(Verdict.of(outcomes));
    }
    return Verdict.one(
            Verb.DELETE,
            "terraform-workspace",
            chdir,
            true,
            tool + " destroy destroys every resource the workspace manages, data included")
        .recreatesEnvironment(
            tool + " destroy in " + chdir + " tears down every resource of the workspace.", chdir);
  }

  private static Outcome resource(Verb verb, String address, String reason) {
    String type = ResourceAddresses.typeOf(address);
    return new Outcome(
        verb,
        type.isEmpty() ? "terraform-resource" : type,
        address,
        type.isEmpty() || StatefulResources.isStateful(type),
        reason);
  }

  private static Verdict withEnvironmentFindings(Verdict verdict) {
    for (Outcome o : verdict.outcomes()) {
      if (o.verb().destructive() && EnvironmentContainers.contains(o.resourceType())) {
        verdict =
            verdict.recreatesEnvironment(
                o.address() + " (" + o.resourceType() + ") is an environment-level container.",
                o.address());
      }
    }
    return verdict;
  }
}
