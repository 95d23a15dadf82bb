package dev.countersign.analyze.shell;

import dev.countersign.model.Verb;
import java.util.HashMap;
import java.util.Map;

/**
 * Picks the rule for a program: a rule by name, a well-known reader or tool by name, or {@code
 * opaque} when the program is unknown, computed at run time, or a script Countersign cannot see.
 */
final class Dispatch {

  /** A program's rule. */
  @FunctionalInterface
  interface Rule {
    Verdict apply(Invocation inv, Context ctx);
  }

  private static final Map<String, Rule> RULES = new HashMap<>();

  static {
    put(FileRules::rm, "rm", "unlink", "rimraf", "del");
    put(FileRules::rmdir, "rmdir");
    put(FileRules::shred, "shred", "srm");
    put(FileRules::truncate, "truncate");
    put(FileRules::mv, "mv");
    put(FileRules::dd, "dd");
    put(FileRules::rsync, "rsync");
    put(FileRules::copy, "cp", "install", "scp", "sftp");
    put(DiskRules::classify, DiskRules.PROGRAMS);
    put(FindRule::find, "find");
    put(FindRule::fd, "fd", "fdfind");
    put(GitRule::classify, "git");
    put(TerraformRule::classify, "terraform", "tofu", "terragrunt");
    put(KubectlRule::classify, "kubectl", "oc");
    put(HelmRule::classify, "helm");
    put(AwsRule::classify, "aws");
    put(GcloudRule::classify, "gcloud", "gsutil");
    put(AzRule::classify, "az");
    put(SqlClientRule::classify, "psql", "mysql", "mariadb", "sqlite3");
    put(DatabaseTools::classify, DatabaseTools.PROGRAMS);
    put(RedisRule::classify, "redis-cli", "valkey-cli");
    put(ContainerRule::classify, "docker", "podman", "nerdctl", "docker-compose", "podman-compose");
    put(SystemRules::classify, SystemRules.PROGRAMS);
    put(HttpRule::classify, "curl", "wget", "http", "https");
    put(ShellRules::shell, ShellRules.SHELLS);
    put(ShellRules::eval, "eval");
    put(ShellRules::source, "source", ".");
    put(ShellRules::ssh, "ssh");
    put(ShellRules::parallel, "parallel");
    put(ShellRules::at, "at", "batch");
    put(GhRule::classify, "gh", "glab");
    put(CodeRules::classify, CodeRules.PROGRAMS);
    put(BuildTools::classify, BuildTools.PROGRAMS);
    put(Readers::classify, Readers.PROGRAMS);
  }

  private Dispatch() {}

  private static void put(Rule rule, String... programs) {
    for (String p : programs) {
      RULES.put(p, rule);
    }
  }

  /** The verdict for an invocation. */
  static Verdict classify(Invocation inv, Context ctx) {
    String program = inv.program();
    if (inv.dynamic()) {
      return Verdict.opaque(
          inv, "the program to run (" + program + ") is only known when the command runs");
    }
    if (program.isEmpty()) {
      return Verdict.one(Verb.NOOP, "shell", "", false, "only sets shell variables");
    }
    if (program.startsWith("((")) {
      return Verdict.one(Verb.NOOP, "shell", program, false, "only evaluates arithmetic");
    }
    if (ctx.isFunction(program)) {
      return Verdict.one(
          Verb.NOOP,
          "shell-function",
          program,
          false,
          "calls the shell function " + program + ", whose body is analysed where it is defined");
    }
    Rule rule = RULES.get(program);
    if (rule != null) {
      return rule.apply(inv, ctx);
    }
    return unknown(inv, ctx);
  }

  private static Verdict unknown(Invocation inv, Context ctx) {
    String program = inv.program();
    if (program.startsWith("mkfs.") || program.startsWith("mke2fs")) {
      return DiskRules.classify(inv, ctx);
    }
    if (program.matches("(python|pypy|perl|ruby|php|node)[0-9.]*")) {
      return CodeRules.classify(inv, ctx);
    }
    if (program.equals("manage.py") || program.equals("artisan")) {
      return BuildTools.script(inv, program, inv.args(), ctx);
    }
    if (program.endsWith(".sh") || program.endsWith(".py") || program.endsWith(".rb")) {
      return Verdict.opaque(inv, "runs the script " + program + ", which Countersign cannot see");
    }
    return Verdict.opaque(inv, "runs " + program + ", a program Countersign does not know");
  }
}
