package dev.countersign.analyze.shell;

import dev.countersign.model.Verb;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Commands that delete or overwrite files: {@code rm} (recursive removal is a stateful delete; a
 * plain {@code rm} of files is a delete without data loss), {@code rmdir}, {@code shred}, {@code
 * truncate}, {@code dd of=}, {@code rsync --delete}, {@code mv} and {@code cp}.
 *
 * <p>{@code mv}: moving onto an existing target replaces it, and the text cannot show whether the
 * target exists. So {@code mv SRC DST} is an update with a {@code may-overwrite} warning; {@code mv
 * -f} and {@code mv -T} state the intent to replace, so they are a replace of the target
 * (destructive, not data loss); {@code mv -n} and {@code mv --backup} cannot lose the target, so
 * they are a plain update; moving onto {@code /dev/null} deletes the source.
 */
final class FileRules {

  private static final Set<String> TOP_LEVEL =
      Set.of("", "/", "~", "$HOME", "${HOME}", ".", "..", "*", ".*");

  private FileRules() {}

  /** {@code rm}: recursive removal is a stateful delete; removing a top-level tree recreates. */
  static Verdict rm(Invocation inv, Context ctx) {
    boolean recursive = inv.program().equals("rimraf");
    boolean noPreserveRoot = false;
    boolean optionsEnded = false;
    List<String> paths = new ArrayList<>();
    for (String a : inv.args()) {
      if (!optionsEnded && a.equals("--")) {
        optionsEnded = true;
      } else if (!optionsEnded && a.startsWith("--")) {
        recursive |= a.equals("--recursive");
        noPreserveRoot |= a.equals("--no-preserve-root");
      } else if (!optionsEnded && a.startsWith("-") && a.length() > 1) {
        recursive |= a.indexOf('r') > 0 || a.indexOf('R') > 0;
      } else {
        paths.add(a);
      }
    }
    String address = paths(inv, paths);
    if (!recursive) {
      return Verdict.one(Verb.DELETE, "file", address, false, inv.program() + " removes files");
    }
    Verdict verdict =
        Verdict.one(Verb.DELETE, "file", address, true, "rm -r removes whole directory trees");
    if (noPreserveRoot || paths.stream().anyMatch(FileRules::isTopLevel)) {
      verdict =
          verdict.recreatesEnvironment(
              "rm -r of " + address + " deletes a top-level directory tree.", address);
    }
    for (String p : paths) {
      if (p.startsWith("$") && !TOP_LEVEL.contains(p)) {
        verdict =
            verdict.warn(
                "unresolved-path",
                "rm -r of "
                    + p
                    + " depends on a variable; if it is empty, another tree is deleted.",
                p);
      }
    }
    return verdict;
  }

  static Verdict rmdir(Invocation inv, Context ctx) {
    return Verdict.one(
        Verb.DELETE, "file", paths(inv, inv.operands()), false, "rmdir removes empty directories");
  }

  /** {@code shred}: overwrites file contents so they cannot be recovered. */
  static Verdict shred(Invocation inv, Context ctx) {
    return Verdict.one(
        Verb.DELETE,
        "file",
        paths(inv, inv.operands()),
        true,
        inv.program() + " destroys file contents beyond recovery");
  }

  /** {@code truncate -s SIZE}: shrinking discards contents; growing ({@code +N}) does not. */
  static Verdict truncate(Invocation inv, Context ctx) {
    String size = "";
    List<String> args = inv.args();
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if ((a.equals("-s") || a.equals("--size")) && i + 1 < args.size()) {
        size = args.get(i + 1);
      } else if (a.startsWith("--size=")) {
        size = a.substring("--size=".length());
      } else if (a.startsWith("-s") && a.length() > 2) {
        size = a.substring(2);
      }
    }
    List<String> files = new ArrayList<>(inv.operands());
    files.remove(size);
    String address = paths(inv, files);
    if (size.startsWith("+") || size.startsWith(">") || size.startsWith("%")) {
      return Verdict.one(Verb.UPDATE, "file", address, false, "truncate grows files");
    }
    return Verdict.one(
        Verb.DELETE, "file", address, false, "truncate -s " + size + " discards file contents");
  }

  static Verdict mv(Invocation inv, Context ctx) {
    List<String> operands = inv.operands();
    String target = operands.isEmpty() ? "(no target)" : operands.getLast();
    List<String> sources = operands.isEmpty() ? operands : operands.subList(0, operands.size() - 1);
    if (target.equals("/dev/null")) {
      return Verdict.one(
          Verb.DELETE, "file", paths(inv, sources), false, "mv onto /dev/null discards files");
    }
    if (inv.hasOption('n', "--no-clobber")
        || inv.hasOption('b', "--backup")
        || inv.has("--update=none")) {
      return Verdict.one(Verb.UPDATE, "file", target, false, "mv moves files without overwriting");
    }
    if (inv.hasOption('f', "--force") || inv.hasOption('T', "--no-target-directory")) {
      return Verdict.one(
          Verb.REPLACE, "file", target, false, "mv -f replaces " + target + " if it exists");
    }
    return Verdict.one(Verb.UPDATE, "file", target, false, "mv moves " + paths(inv, sources))
        .warn(
            "may-overwrite",
            "mv replaces "
                + target
                + " if it already exists; Countersign cannot see whether it"
                + " does.",
            target);
  }

  /** {@code dd of=X}: overwriting a disk destroys it; overwriting a file replaces it. */
  static Verdict dd(Invocation inv, Context ctx) {
    for (String a : inv.args()) {
      if (a.startsWith("of=")) {
        String target = a.substring(3);
        if (target.equals("/dev/null")) {
          break;
        }
        return Devices.isDisk(target)
            ? Verdict.one(
                Verb.DELETE, "block-device", target, true, "dd overwrites the disk " + target)
            : Verdict.one(Verb.REPLACE, "file", target, false, "dd overwrites " + target);
      }
    }
    return Verdict.read(inv, "file");
  }

  /** {@code rsync --delete} removes files under the destination that the source lacks. */
  static Verdict rsync(Invocation inv, Context ctx) {
    List<String> operands = inv.operands();
    String target = operands.isEmpty() ? "(no target)" : operands.getLast();
    if (inv.hasOption('n', "--dry-run")) {
      return Verdict.read(inv, "file");
    }
    for (String a : inv.args()) {
      if (a.startsWith("--del")) {
        return Verdict.one(
            Verb.DELETE,
            "file",
            target,
            true,
            "rsync " + a + " deletes files in " + target + " that the source does not have");
      }
    }
    if (inv.has("--remove-source-files")) {
      return Verdict.one(
          Verb.DELETE, "file", paths(inv, operands), false, "rsync removes the source files");
    }
    return Verdict.one(Verb.UPDATE, "file", target, false, "rsync copies files to " + target);
  }

  /** {@code cp}, {@code install}, {@code scp}: the target is written. */
  static Verdict copy(Invocation inv, Context ctx) {
    List<String> operands = inv.operands();
    String target = operands.isEmpty() ? "(no target)" : operands.getLast();
    if (Devices.isDisk(target)) {
      return Verdict.one(
          Verb.DELETE, "block-device", target, true, inv.program() + " overwrites the disk");
    }
    return Verdict.one(Verb.UPDATE, "file", target, false, inv.program() + " writes " + target);
  }

  static String paths(Invocation inv, List<String> paths) {
    if (!paths.isEmpty()) {
      return String.join(" ", paths);
    }
    return inv.argsFromStdin() ? "(paths from standard input)" : "(no paths)";
  }

  /** The root, a home directory, the working directory or a directory directly under the root. */
  static boolean isTopLevel(String path) {
    String p = path;
    while (p.endsWith("/*") || p.endsWith("/.") || (p.endsWith("/") && p.length() > 1)) {
      p = p.substring(0, p.length() - (p.endsWith("/") ? 1 : 2));
    }
    if (TOP_LEVEL.contains(p) || p.equals("/*")) {
      return true;
    }
    return p.startsWith("/") && p.indexOf('/', 1) < 0;
  }
}
