package dev.countersign.analyze.shell;

import dev.countersign.model.Verb;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code git push}: a force push ({@code --force}, {@code -f}, {@code --force-with-lease}, {@code
 * --mirror}, {@code +refspec}) rewrites remote history, a stateful replace of a git ref (commits
 * only on the remote are lost); a deleting push ({@code --delete}, {@code :ref}, {@code --prune})
 * deletes refs; an ordinary push fast-forwards.
 */
final class GitPush {

  private GitPush() {}

  static Verdict classify(List<String> args) {
    boolean force = false;
    boolean delete = false;
    List<String> positional = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (a.equals("--force") || a.startsWith("--force-with-lease") || a.equals("--mirror")) {
        force = true;
      } else if (a.equals("--dry-run")) {
        return Verdict.one(
            Verb.READ,
            "git-ref",
            String.join(" ", args),
            false,
            "git push --dry-run only shows what would be pushed");
      } else if (a.equals("--delete") || a.equals("--prune")) {
        delete = true;
      } else if (a.equals("-o")
          || a.equals("--push-option")
          || a.equals("--repo")
          || a.equals("--receive-pack")
          || a.equals("--exec")) {
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
      return Verdict.one(
          Verb.DELETE, "git-ref", address, true, "git push deletes remote branches or tags");
    }
    if (force) {
      return Verdict.one(
          Verb.REPLACE,
          "git-ref",
          address,
          true,
          "git push --force rewrites remote history; commits only on the remote are lost");
    }
    return Verdict.one(
        Verb.UPDATE, "git-ref", address, false, "git push fast-forwards remote branches");
  }
}
