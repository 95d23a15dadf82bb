package dev.countersign.analyze.shell;

import dev.countersign.analyze.shell.Verdict.Outcome;
import dev.countersign.model.Verb;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code git}: force pushes rewrite remote history (replace of a git ref, stateful: commits only on
 * the remote are lost), deleting pushes delete refs, {@code clean -f} and {@code reset --hard}
 * throw away uncommitted work; inspections only read.
 */
final class GitRule {

  private static final Set<String> READS =
      Set.of(
          "status",
          "log",
          "diff",
          "show",
          "blame",
          "rev-parse",
          "ls-files",
          "ls-remote",
          "ls-tree",
          "describe",
          "shortlog",
          "grep",
          "cat-file",
          "rev-list",
          "show-ref",
          "whatchanged",
          "help",
          "version",
          "--version",
          "--help");

  private static final Set<String> LIST_FLAGS =
      Set.of(
          "-a",
          "-r",
          "-v",
          "-vv",
          "-l",
          "--list",
          "--all",
          "--remotes",
          "show",
          "list",
          "get-url",
          "--get",
          "--get-all",
          "--show-current");

  private GitRule() {}

  static Verdict classify(Invocation inv) {
    List<String> args = inv.args();
    int i = 0;
    while (i < args.size()
        && args.get(i).startsWith("-")
        && !args.get(i).equals("--version")
        && !args.get(i).equals("--help")) {
      i += (args.get(i).equals("-C") || args.get(i).equals("-c")) ? 2 : 1;
    }
    if (i >= args.size()) {
      return Verdict.read(inv, "git-repository");
    }
    String sub = args.get(i);
    List<String> rest = args.subList(i + 1, args.size());
    return switch (sub) {
      case "push" -> push(rest);
      case "clean" ->
          rest.stream()
                  .anyMatch(
                      a ->
                          a.equals("--force")
                              || (a.startsWith("-") && !a.startsWith("--") && a.contains("f")))
              ? Verdict.of(
                  new Outcome(
                      Verb.DELETE,
                      "file",
                      "untracked files",
                      true,
                      "git clean -f deletes untracked files, which git cannot restore"))
              : Verdict.read(inv, "git-repository");
      case "reset" ->
          rest.contains("--hard")
              ? Verdict.of(
                  new Outcome(
                      Verb.DELETE,
                      "git-working-tree",
                      "uncommitted changes",
                      true,
                      "git reset --hard discards uncommitted changes"))
              : Verdict.exec(inv, "git reset moves the current branch");
      case "branch", "tag", "remote", "stash", "config", "worktree", "reflog" ->
          listing(inv, sub, rest);
      default ->
          READS.contains(sub)
              ? Verdict.read(inv, "git-repository")
              : Verdict.exec(inv, "git " + sub + " changes the repository");
    };
  }

  private static Verdict push(List<String> args) {
    boolean force = false;
    boolean delete = false;
    List<String> positional = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (a.equals("--force") || a.startsWith("--force-with-lease") || a.equals("--mirror")) {
        force = true;
      } else if (a.equals("--delete") || a.equals("--prune")) {
        delete = true;
      } else if (a.equals("-o")
          || a.equals("--push-option")
          || a.equals("--repo")
          || a.equals("--receive-pack")) {
        i++;
      } else if (a.startsWith("-") && !a.startsWith("--")) {
        force |= a.indexOf('f') > 0;
        delete |= a.indexOf('d') > 0;
      } else if (!a.startsWith("-")) {
        positional.add(a);
      }
    }
    for (String refspec :
        positional.size() > 1 ? positional.subList(1, positional.size()) : List.<String>of()) {
      force |= refspec.startsWith("+");
      delete |= refspec.startsWith(":");
    }
    String address = positional.isEmpty() ? "(default remote)" : String.join(" ", positional);
    if (delete) {
      return Verdict.of(
          new Outcome(
              Verb.DELETE, "git-ref", address, true, "git push deletes remote branches or tags"));
    }
    if (force) {
      return Verdict.of(
          new Outcome(
              Verb.REPLACE,
              "git-ref",
              address,
              true,
              "git push --force rewrites remote history; commits only on the remote are lost"));
    }
    return Verdict.of(
        new Outcome(
            Verb.UPDATE, "git-ref", address, false, "git push fast-forwards remote branches"));
  }

  /** {@code git branch}, {@code tag}, ... read when they only list, and change refs otherwise. */
  private static Verdict listing(Invocation inv, String sub, List<String> rest) {
    boolean onlyLists = rest.stream().allMatch(LIST_FLAGS::contains);
    return onlyLists
        ? Verdict.read(inv, "git-repository")
        : Verdict.exec(inv, "git " + sub + " changes references or settings");
  }
}
