package dev.countersign.analyze.shell;

import dev.countersign.model.Verb;
import java.util.List;
import java.util.Set;

/**
 * {@code git}: pushes are handled by {@link GitPush}; {@code clean -f} deletes untracked files;
 * {@code reset --hard}, {@code checkout -- .}, {@code restore} and {@code stash drop/clear} discard
 * uncommitted work (data loss of a kind git cannot undo, reported as a warning since Countersign
 * cannot see whether there was any); deleting branches and tags and rewriting history are
 * destructive; inspections only read; unknown subcommands (aliases, extensions) are opaque.
 */
final class GitRule {

  private static final Set<String> READS =
      Names.of(
          "status log diff show blame rev-parse ls-files ls-remote ls-tree describe "
              + "shortlog grep cat-file rev-list show-ref whatchanged help version --version "
              + "--help reflog show-branch range-diff merge-base name-rev for-each-ref "
              + "count-objects fsck check-ignore check-attr var annotate diff-tree diff-files "
              + "diff-index verify-commit archive bundle format-patch request-pull instaweb "
              + "cherry bisect fetch notes");

  private static final Set<String> UPDATES =
      Names.of(
          "add commit merge pull clone init switch cherry-pick revert am apply rebase mv "
              + "rm remote config worktree gc prune repack maintenance lfs sparse-checkout "
              + "update-index pack-refs commit-tree mktag update-ref symbolic-ref tag branch "
              + "stash checkout restore reset clean push filter-branch filter-repo submodule");

  private static final Set<String> LIST_FLAGS =
      Names.of(
          "-a -r -v -vv -l --list --all --remotes show list get-url --get --get-all "
              + "--show-current --merged --no-merged --contains");

  private GitRule() {}

  static Verdict classify(Invocation inv, Context ctx) {
    List<String> args = inv.args();
    int i = 0;
    while (i < args.size()
        && args.get(i).startsWith("-")
        && !args.get(i).equals("--version")
        && !args.get(i).equals("--help")) {
      String a = args.get(i);
      i +=
          a.equals("-C") || a.equals("-c") || a.equals("--git-dir") || a.equals("--work-tree")
              ? 2
              : 1;
    }
    if (i >= args.size()) {
      return Verdict.read(inv, "git-repository");
    }
    String sub = args.get(i);
    List<String> rest = args.subList(i + 1, args.size());
    if (READS.contains(sub)) {
      return sub.equals("reflog") && rest.contains("expire")
              || sub.equals("notes")
                  && !rest.isEmpty()
                  && !rest.getFirst().equals("show")
                  && !rest.getFirst().equals("list")
          ? Verdict.exec(inv, "git " + sub + " changes the repository")
          : Verdict.read(inv, "git-repository");
    }
    if (!UPDATES.contains(sub)) {
      return Verdict.opaque(
          inv, "git " + sub + " is an alias or extension Countersign does not know");
    }
    return change(inv, sub, rest, ctx);
  }

  /** A subcommand that changes the repository, its refs or its working tree. */
  private static Verdict change(Invocation inv, String sub, List<String> rest, Context ctx) {
    return switch (sub) {
      case "push" -> GitPush.classify(rest);
      case "clean" -> clean(inv, rest);
      case "reset" ->
          rest.contains("--hard")
              ? discard("git reset --hard discards uncommitted changes")
              : Verdict.one(Verb.UPDATE, "git-ref", "HEAD", false, "git reset moves the branch");
      case "checkout" -> checkout(rest);
      case "restore" ->
          rest.contains("--staged") && !rest.contains("--worktree") && !rest.contains("-W")
              ? Verdict.one(
                  Verb.UPDATE,
                  "git-index",
                  "staged changes",
                  false,
                  "git restore --staged unstages")
              : discard("git restore discards uncommitted changes to the files");
      case "stash" -> stash(inv, rest);
      case "submodule" -> submodule(inv, rest, ctx);
      case "update-ref" ->
          rest.contains("-d")
              ? Verdict.one(
                  Verb.DELETE,
                  "git-ref",
                  String.join(" ", rest),
                  false,
                  "git update-ref -d deletes a reference")
              : Verdict.one(
                  Verb.UPDATE, "git-ref", String.join(" ", rest), false, "git update-ref");
      case "branch", "tag" -> refs(inv, sub, rest);
      case "filter-branch", "filter-repo" ->
          Verdict.one(
              Verb.REPLACE,
              "git-history",
              "local history",
              false,
              "git " + sub + " rewrites history; a later push --force publishes it");
      default ->
          Verdict.one(
              Verb.UPDATE,
              "git-repository",
              inv.display(),
              false,
              "git " + sub + " changes the repository");
    };
  }

  private static Verdict clean(Invocation inv, List<String> rest) {
    boolean dryRun =
        rest.contains("-n")
            || rest.contains("--dry-run")
            || rest.stream().anyMatch(a -> a.matches("-[a-zA-Z]*n[a-zA-Z]*"));
    boolean force =
        rest.stream()
            .anyMatch(
                a ->
                    a.equals("--force")
                        || (a.startsWith("-") && !a.startsWith("--") && a.contains("f")));
    if (dryRun || !force) {
      return Verdict.read(inv, "git-repository");
    }
    return Verdict.one(
        Verb.DELETE,
        "file",
        "untracked files",
        true,
        "git clean -f deletes untracked files, which git cannot restore");
  }

  private static Verdict checkout(List<String> rest) {
    boolean paths = rest.contains("--") || rest.contains(".");
    boolean force = rest.contains("-f") || rest.contains("--force");
    return paths || force
        ? discard("git checkout of paths or with --force discards uncommitted changes")
        : Verdict.one(
            Verb.UPDATE,
            "git-ref",
            String.join(" ", rest),
            false,
            "git checkout switches branches");
  }

  /** {@code git submodule foreach CMD} runs CMD (shell text) in every submodule. */
  private static Verdict submodule(Invocation inv, List<String> rest, Context ctx) {
    int foreach = rest.indexOf("foreach");
    if (foreach < 0) {
      return Verdict.one(Verb.UPDATE, "git-repository", inv.display(), false, "git submodule");
    }
    List<String> command =
        rest.subList(foreach + 1, rest.size()).stream()
            .filter(a -> !a.equals("--recursive") && !a.equals("--quiet"))
            .toList();
    return ctx.script(String.join(" ", command), "foreach", " (via git submodule foreach)");
  }

  private static Verdict stash(Invocation inv, List<String> rest) {
    String op = rest.isEmpty() ? "push" : rest.getFirst();
    return switch (op) {
      case "list", "show" -> Verdict.read(inv, "git-repository");
      case "drop", "clear" ->
          Verdict.one(
              Verb.DELETE,
              "git-working-tree",
              "stash entries",
              true,
              "git stash " + op + " deletes stashed work");
      default -> Verdict.one(Verb.UPDATE, "git-working-tree", "stash", false, "git stash " + op);
    };
  }

  /** {@code git branch} and {@code git tag} read when they only list, delete with -d/-D. */
  private static Verdict refs(Invocation inv, String sub, List<String> rest) {
    if (rest.stream().allMatch(LIST_FLAGS::contains)) {
      return Verdict.read(inv, "git-repository");
    }
    boolean delete =
        rest.stream()
            .anyMatch(
                a ->
                    a.equals("--delete")
                        || a.equals("-d")
                        || a.equals("-D")
                        || (a.matches("-[a-zA-Z]*[dD][a-zA-Z]*") && sub.equals("branch")));
    List<String> names = rest.stream().filter(a -> !a.startsWith("-")).toList();
    if (delete) {
      return Verdict.one(
          Verb.DELETE,
          "git-ref",
          String.join(" ", names),
          false,
          "git " + sub + " -d deletes local " + (sub.equals("tag") ? "tags" : "branches"));
    }
    return Verdict.one(
        Verb.UPDATE,
        "git-ref",
        String.join(" ", names),
        false,
        "git " + sub + " creates or changes references");
  }

  private static Verdict discard(String reason) {
    return Verdict.one(Verb.DELETE, "git-working-tree", "uncommitted changes", true, reason);
  }
}
