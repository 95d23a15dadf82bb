package dev.countersign.analyze.shell;

import dev.countersign.model.Verb;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Interpreters: a script file or inline code ({@code python -c}, {@code node -e}, {@code perl -e})
 * is code Countersign does not run, so it is opaque. Inline code is also scanned for the obvious:
 * recursive deletes ({@code shutil.rmtree}, {@code rmSync(..., {recursive})}, {@code rm_rf}), file
 * deletes, destructive SQL, and shell commands in string literals ({@code os.system("rm -rf x")}),
 * which are analysed as shell text. {@code perl -pi -e} edits files in place.
 */
final class CodeRules {

  static final String[] PROGRAMS = {
    "python",
    "python3",
    "python2",
    "pypy",
    "pypy3",
    "node",
    "nodejs",
    "deno",
    "bun",
    "perl",
    "ruby",
    "php",
    "Rscript",
    "lua",
    "osascript",
    "pwsh",
    "powershell"
  };

  private static final Pattern RECURSIVE =
      Pattern.compile(
          "rmtree|rm_rf|rm_r\\b|rmSync|rimraf|remove_dir_all|Remove-Item[^;]*-Recurse|"
              + "fs\\.rm\\(|rmdirSync\\([^)]*recursive|deleteRecursively|FileUtils\\.rm");
  private static final Pattern FILE_DELETE =
      Pattern.compile(
          "os\\.remove|os\\.unlink|\\.unlink\\(|unlinkSync|File\\.delete|"
              + "\\bunlink\\s|Remove-Item|os\\.rmdir|Files\\.delete");
  private static final Pattern SQL =
      Pattern.compile("(?i)\\b(drop\\s+(table|database|schema)|truncate\\s+table?)\\b");
  private static final Pattern SHELL_OUT =
      Pattern.compile(
          "(?:system|popen|exec|execSync|spawnSync|check_output|check_call|call|run|"
              + "getoutput|getstatusoutput|`)\\s*\\(?\\s*(?:f|r)?([\"'])((?:(?!\\1).){2,})\\1");

  private CodeRules() {}

  static Verdict classify(Invocation inv, Context ctx) {
    List<String> args = inv.args();
    if (args.isEmpty()) {
      return fromStdin(inv, ctx);
    }
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (isCodeFlag(a) && i + 1 < args.size()) {
        return inline(inv, args.get(i + 1), ctx);
      }
      if (a.equals("-m") && i + 1 < args.size()) {
        return module(inv, args.get(i + 1), ctx);
      }
      if (a.equals("--version") || a.equals("-V") || a.equals("-v") || a.equals("--help")) {
        return Verdict.read(inv, "command");
      }
      if (a.equals("-")) {
        return fromStdin(inv, ctx);
      }
      if (!a.startsWith("-")) {
        return BuildTools.script(inv, a, args.subList(i + 1, args.size()), ctx);
      }
    }
    return fromStdin(inv, ctx);
  }

  /** Code from a here-document is scanned like inline code; from elsewhere it is unseen. */
  private static Verdict fromStdin(Invocation inv, Context ctx) {
    Stdin stdin = ctx.stdin();
    if (stdin.kind() == Stdin.Kind.TEXT) {
      return inline(inv, String.join("\n", stdin.texts()), ctx);
    }
    return Verdict.opaque(
        inv,
        inv.program()
            + " runs code from "
            + (stdin.kind() == Stdin.Kind.NONE ? "an interactive prompt" : stdin.describe()));
  }

  private static boolean isCodeFlag(String a) {
    return a.equals("-c")
        || a.equals("-e")
        || a.equals("-E")
        || a.equals("--eval")
        || a.equals("-r")
        || a.equals("-p")
        || a.equals("--print")
        || a.equals("-pe")
        || a.equals("-ne")
        || a.equals("-pie")
        || a.equals("-lne")
        || a.equals("-Command")
        || a.matches("-[a-zA-Z]*[eE]");
  }

  private static Verdict module(Invocation inv, String module, Context ctx) {
    return switch (module) {
      case "pip", "venv", "ensurepip" ->
          Verdict.one(
              Verb.UPDATE,
              "package",
              inv.display(),
              false,
              inv.program() + " -m " + module + " installs packages or creates an environment");
      case "http.server" -> Verdict.exec(inv, "serves files over HTTP");
      case "json.tool", "site", "this", "platform", "sysconfig", "pydoc" ->
          Verdict.read(inv, "command");
      default -> Verdict.opaque(inv, inv.program() + " -m " + module + " runs a module's code");
    };
  }

  /** Inline code: opaque, plus whatever the scan finds. */
  static Verdict inline(Invocation inv, String code, Context ctx) {
    boolean inPlace =
        inv.program().startsWith("perl")
            && inv.args().stream().anyMatch(a -> a.matches("-[a-zA-Z]*i[a-zA-Z.]*"));
    if (inPlace && !SHELL_OUT.matcher(code).find()) {
      return Verdict.one(
          Verb.UPDATE,
          "file",
          String.join(" ", inv.operands()),
          false,
          "perl -i edits files in place");
    }
    Verdict verdict = Verdict.opaque(inv, inv.program() + " runs inline code");
    if (RECURSIVE.matcher(code).find()) {
      verdict =
          verdict.and(
              Verdict.one(
                  Verb.DELETE,
                  "file",
                  "(paths in the code)",
                  true,
                  inv.program() + " code deletes directory trees"));
    } else if (FILE_DELETE.matcher(code).find()) {
      verdict =
          verdict.and(
              Verdict.one(
                  Verb.DELETE,
                  "file",
                  "(paths in the code)",
                  false,
                  inv.program() + " code deletes files"));
    }
    if (SQL.matcher(code).find()) {
      verdict =
          verdict.and(
              Verdict.one(
                  Verb.DELETE,
                  "sql-table",
                  "(tables in the code)",
                  true,
                  inv.program() + " code runs destructive SQL"));
    }
    return verdict.and(shellOuts(inv, code, ctx));
  }

  /** Analyses the shell commands in string literals the code runs ({@code system("rm ...")}). */
  static Verdict shellOuts(Invocation inv, String code, Context ctx) {
    Matcher m = SHELL_OUT.matcher(code);
    int found = 0;
    while (m.find() && found++ < 8) {
      ctx.script(m.group(2), "code" + found, " (via " + inv.program() + ")");
    }
    return Verdict.NONE;
  }
}
