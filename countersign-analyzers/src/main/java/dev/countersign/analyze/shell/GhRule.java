package dev.countersign.analyze.shell;

import dev.countersign.model.Verb;
import java.util.List;
import java.util.Set;

/**
 * {@code gh} (and {@code glab}): deleting a repository loses it with its issues and history;
 * deleting releases, branches, secrets or runs, and {@code api -X DELETE}, are deletes; listing and
 * viewing read; everything else (pull requests, issues, merges) updates.
 */
final class GhRule {

  private static final Set<String> READS =
      Names.of(
          "list view status checks diff watch download search browse --version version " + "help");

  private GhRule() {}

  static Verdict classify(Invocation inv, Context ctx) {
    List<String> ops = inv.operands();
    String group = ops.isEmpty() ? "" : ops.getFirst();
    String sub = ops.size() > 1 ? ops.get(1) : "";
    String target = ops.size() > 2 ? String.join(" ", ops.subList(2, ops.size())) : group;
    String tool = inv.program();
    if (group.equals("api")) {
      return HttpRule.classify(inv, ctx);
    }
    if (sub.equals("delete") || sub.equals("remove")) {
      boolean repo = group.equals("repo");
      Verdict v =
          Verdict.one(
              Verb.DELETE,
              tool + "-" + group,
              target,
              repo,
              tool + " " + group + " delete deletes " + target);
      return repo
          ? v.recreatesEnvironment(
              tool
                  + " repo delete deletes the repository "
                  + target
                  + " with its history, issues and pull requests.",
              target)
          : v;
    }
    if (READS.contains(sub)
        || READS.contains(group)
        || group.equals("auth") && sub.equals("status")) {
      return Verdict.read(inv, tool + "-" + group);
    }
    return Verdict.one(
        Verb.UPDATE,
        tool + "-" + group,
        target,
        false,
        tool + " " + group + " " + sub + " changes the hosting service");
  }
}
