package dev.countersign.analyze.shell;

import java.util.ArrayList;
import java.util.List;

/**
 * The Terraform options that matter here, and the positional words (subcommand first). {@code
 * terragrunt run-all CMD} and {@code run --all CMD} are read as CMD.
 *
 * @param chdir the {@code -chdir} directory, "." by default
 * @param positional the subcommand and its operands
 * @param targets the {@code -target} addresses
 * @param replaces the {@code -replace} addresses
 * @param destroy whether {@code -destroy} was given
 */
record TerraformArgs(
    String chdir,
    List<String> positional,
    List<String> targets,
    List<String> replaces,
    boolean destroy) {

  TerraformArgs {
    positional = List.copyOf(positional);
    targets = List.copyOf(targets);
    replaces = List.copyOf(replaces);
  }

  static TerraformArgs parse(List<String> args) {
    String chdir = ".";
    List<String> positional = new ArrayList<>();
    List<String> targets = new ArrayList<>();
    List<String> replaces = new ArrayList<>();
    boolean destroy = false;
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i).startsWith("--") ? args.get(i).substring(1) : args.get(i);
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
      } else if (a.equals("-all") && positional.size() == 1 && positional.get(0).equals("run")) {
        positional.clear();
      } else if (!a.startsWith("-")) {
        positional.add(a);
      }
    }
    if (!positional.isEmpty() && positional.get(0).equals("run-all")) {
      positional.remove(0);
    }
    return new TerraformArgs(chdir, positional, targets, replaces, destroy);
  }
}
