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
 * {@code terraform} and {@code tofu}: {@code destroy} and {@code apply -destroy} delete a whole
 * workspace (or the {@code -target}s), {@code apply -replace=ADDR} replaces ADDR, {@code workspace
 * delete} drops a workspace's state; plans and inspections only read.
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
          "help");

  private TerraformRule() {}

  static Verdict classify(Invocation inv) {
    Args args = Args.parse(inv.args());
    List<String> positional = args.positional();
    String sub = positional.isEmpty() ? "" : positional.get(0);
    String two = positional.size() > 1 ? sub + " " + positional.get(1) : sub;
    String tool = inv.program();
    if (sub.equals("destroy") || (sub.equals("apply") && args.destroy())) {
      return destroy(tool, args.chdir(), args.targets());
    }
    if (sub.equals("apply") && !args.replaces().isEmpty()) {
      return applyReplace(tool, args.chdir(), args.replaces());
    }
    if (two.equals("workspace delete") && positional.size() > 2) {
      String name = positional.get(2);
      return Verdict.of(
              new Outcome(
                  Verb.DELETE,
                  "terraform-workspace",
                  name,
                  true,
                  tool + " workspace delete drops the workspace's state"))
          .recreatesEnvironment(
              tool + " workspace delete " + name + " drops a whole workspace.", name);
    }
    boolean versionOrHelp =
        sub.isEmpty() && inv.has("-version", "--version", "-help", "--help", "-v");
    if (READS.contains(sub)
        || READS.contains(two)
        || versionOrHelp
        || (sub.equals("fmt") && inv.has("-check", "--check"))) {
      return Verdict.read(inv, "terraform-workspace");
    }
    return Verdict.exec(
        inv, tool + " " + sub + " may change infrastructure or state; analyse the plan instead");
  }

  private static Verdict applyReplace(String tool, String chdir, List<String> replaces) {
    List<Outcome> outcomes = new ArrayList<>();
    for (String address : replaces) {
      outcomes.add(
          resource(
              Verb.REPLACE, address, tool + " apply -replace destroys and re-creates " + address));
    }
    outcomes.add(
        new Outcome(
            Verb.EXEC,
            "terraform-workspace",
            chdir,
            false,
            tool
                + " apply also applies every other pending change, which this command does not"
                + " show"));
    return withEnvironmentFindings(Verdict.of(outcomes));
  }

  /** The options that matter here, and the positional words (subcommand first). */
  private record Args(
      String chdir,
      List<String> positional,
      List<String> targets,
      List<String> replaces,
      boolean destroy) {

    static Args parse(List<String> args) {
      String chdir = ".";
      List<String> positional = new ArrayList<>();
      List<String> targets = new ArrayList<>();
      List<String> replaces = new ArrayList<>();
      boolean destroy = false;
      for (int i = 0; i < args.size(); i++) {
        String a = args.get(i).replaceFirst("^--", "-");
        if (a.startsWith("-chdir=")) {
          chdir = a.substring("-chdir=".length());
        } else if (a.startsWith("-target=")) {
          targets.add(a.substring("-target=".length()));
        } else if (a.startsWith("-replace=")) {
          replaces.add(a.substring("-replace=".length()));
        } else if ((a.equals("-replace") || a.equals("-target")) && i + 1 < args.size()) {
          (a.equals("-replace") ? replaces : targets).add(args.get(++i));
        } else if (a.equals("-destroy")) {
          destroy = true;
        } else if (!a.startsWith("-")) {
          positional.add(a);
        }
      }
      return new Args(chdir, positional, targets, replaces, destroy);
    }
  }

  private static Verdict destroy(String tool, String chdir, List<String> targets) {
    if (!targets.isEmpty()) {
      List<Outcome> outcomes = new ArrayList<>();
      for (String address : targets) {
        outcomes.add(resource(Verb.DELETE, address, tool + " destroy -target destroys " + address));
      }
      return withEnvironmentFindings(Verdict.of(outcomes));
    }
    return Verdict.of(
            new Outcome(
                Verb.DELETE,
                "terraform-workspace",
                chdir,
                true,
                tool + " destroy destroys every resource the workspace manages, data included"))
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
