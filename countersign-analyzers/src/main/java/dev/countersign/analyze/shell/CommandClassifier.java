package dev.countersign.analyze.shell;

import dev.countersign.analyze.shell.Verdict.Outcome;
import dev.countersign.model.Verb;
import java.util.List;
import java.util.Set;

/**
 * Picks the rule for a program: the destructive ones by name, a list of readers, exec otherwise.
 */
final class CommandClassifier {

  /** Programs that only read (or only change the shell's own state). */
  private static final Set<String> READS =
      Set.of(
          "ls",
          "cat",
          "head",
          "tail",
          "less",
          "more",
          "grep",
          "egrep",
          "fgrep",
          "rg",
          "ag",
          "wc",
          "echo",
          "printf",
          "pwd",
          "whoami",
          "id",
          "date",
          "which",
          "whereis",
          "type",
          "file",
          "stat",
          "du",
          "df",
          "tree",
          "sort",
          "uniq",
          "cut",
          "tr",
          "diff",
          "cmp",
          "comm",
          "jq",
          "yq",
          "true",
          "false",
          "test",
          "[",
          "[[",
          "uname",
          "hostname",
          "ps",
          "env",
          "printenv",
          "basename",
          "dirname",
          "realpath",
          "readlink",
          "md5sum",
          "sha1sum",
          "sha256sum",
          "cd",
          "pushd",
          "popd",
          "history",
          "column",
          "nl",
          "seq",
          "sleep",
          "man",
          "free",
          "uptime",
          "dig",
          "nslookup",
          "host",
          "command",
          ":",
          "for",
          "case",
          "select",
          "function",
          "export",
          "set",
          "unset",
          "local",
          "declare",
          "wait");

  private CommandClassifier() {}

  /** The verdict for an invocation; {@code stdin} is what here-documents feed it. */
  static Verdict classify(Invocation inv, List<String> stdin) {
    String program = inv.program();
    return switch (program) {
      case "" ->
          Verdict.of(new Outcome(Verb.NOOP, "shell", "", false, "only sets shell variables"));
      case "rm" -> FileRules.rm(inv);
      case "find" -> FileRules.find(inv, sub -> classify(sub, List.of()));
      case "shred", "wipefs" -> FileRules.wipe(inv);
      case "terraform", "tofu" -> TerraformRule.classify(inv);
      case "kubectl", "oc" -> KubectlRule.classify(inv);
      case "psql", "mysql", "mariadb" -> SqlClientRule.classify(inv, stdin);
      case "git" -> GitRule.classify(inv);
      case "sed" ->
          inv.args().stream().anyMatch(a -> a.startsWith("-i") || a.startsWith("--in-place"))
              ? Verdict.exec(inv, "sed -i edits files in place")
              : Verdict.read(inv, "file");
      default -> other(inv);
    };
  }

  private static Verdict other(Invocation inv) {
    if (inv.program().startsWith("mkfs")) {
      return FileRules.wipe(inv);
    }
    if (READS.contains(inv.program())) {
      return Verdict.read(inv, "command");
    }
    return Verdict.exec(
        inv, "runs " + inv.program() + "; Countersign does not know what it changes");
  }
}
