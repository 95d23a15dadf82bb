package dev.countersign.analyze.shell;

import dev.countersign.analyze.shell.Verdict.Outcome;
import dev.countersign.model.Verb;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/** {@code rm}, {@code find -delete}/{@code -exec}, {@code shred}: commands that delete files. */
final class FileRules {

  private static final Set<String> TOP_LEVEL =
      Set.of("", "/", "~", "$HOME", "${HOME}", ".", "..", "*", ".*");

  private FileRules() {}

  /** {@code rm}: recursive removal is a stateful delete; removing a top-level tree recreates. */
  static Verdict rm(Invocation inv) {
    boolean recursive = false;
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
      return Verdict.of(new Outcome(Verb.DELETE, "file", address, false, "rm removes files"));
    }
    Verdict verdict =
        Verdict.of(
            new Outcome(Verb.DELETE, "file", address, true, "rm -r removes whole directory trees"));
    if (noPreserveRoot || paths.stream().anyMatch(FileRules::isTopLevel)) {
      verdict =
          verdict.recreatesEnvironment(
              "rm -r of " + address + " deletes a top-level directory tree.", address);
    }
    return verdict;
  }

  /** {@code find}: {@code -delete} deletes what matches; {@code -exec} runs another command. */
  static Verdict find(Invocation inv, Function<Invocation, Verdict> classifier) {
    List<String> args = inv.args();
    List<String> roots = new ArrayList<>();
    int i = 0;
    while (i < args.size()
        && !args.get(i).startsWith("-")
        && !args.get(i).equals("(")
        && !args.get(i).equals("!")) {
      roots.add(args.get(i++));
    }
    String where = roots.isEmpty() ? "." : String.join(" ", roots);
    Verdict verdict = new Verdict(List.of(), List.of());
    for (; i < args.size(); i++) {
      String a = args.get(i);
      if (a.equals("-delete")) {
        verdict =
            verdict.and(
                Verdict.of(
                    new Outcome(
                        Verb.DELETE,
                        "file",
                        where,
                        true,
                        "find -delete deletes every file the expression matches")));
      } else if (Set.of("-exec", "-execdir", "-ok", "-okdir").contains(a)) {
        List<String> sub = new ArrayList<>();
        for (i++; i < args.size() && !args.get(i).equals(";") && !args.get(i).equals("+"); i++) {
          sub.add(args.get(i).replace("{}", "(files found under " + where + ")"));
        }
        if (!sub.isEmpty()) {
          verdict = verdict.and(classifier.apply(Invocations.of(sub, sub)));
        }
      }
    }
    return verdict.outcomes().isEmpty() ? Verdict.read(inv, "file") : verdict;
  }

  /** {@code shred}, {@code wipefs}, {@code mkfs*}: destroy file or device contents. */
  static Verdict wipe(Invocation inv) {
    List<String> targets = inv.args().stream().filter(a -> !a.startsWith("-")).toList();
    String type = inv.program().equals("shred") ? "file" : "block-device";
    return Verdict.of(
        new Outcome(
            Verb.DELETE,
            type,
            paths(inv, targets),
            true,
            inv.program() + " destroys the contents of what it is given"));
  }

  private static String paths(Invocation inv, List<String> paths) {
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
