package dev.countersign.analyze.shell;

import dev.countersign.model.Verb;
import java.util.List;
import java.util.Set;

/**
 * Build tools, package managers and task runners. Installing and compiling are plain changes.
 * Running the project's code (tests, {@code npm run}, {@code make}, scripts) is opaque: the code is
 * in files Countersign does not read. The database tasks of the frameworks agents use ({@code rails
 * db:drop}, {@code manage.py flush}, {@code artisan migrate:fresh}, {@code prisma migrate reset},
 * {@code flyway:clean}) wipe databases.
 */
final class BuildTools {

  static final String[] PROGRAMS = {
    "make",
    "gmake",
    "just",
    "task",
    "mvn",
    "mvnw",
    "gradle",
    "gradlew",
    "npm",
    "yarn",
    "pnpm",
    "cargo",
    "go",
    "dotnet",
    "pytest",
    "tox",
    "nox",
    "rake",
    "rails",
    "bundle",
    "jest",
    "vitest",
    "prisma",
    "sequelize",
    "sequelize-cli",
    "knex",
    "alembic",
    "artisan",
    "uv",
    "poetry",
    "composer",
    "ant",
    "sbt",
    "bazel",
    "cmake",
    "ninja",
    "tsc",
    "eslint",
    "prettier",
    "black",
    "ruff",
    "mypy",
    "javac",
    "gcc",
    "g++",
    "clang",
    "rustc",
    "swift"
  };

  private static final Set<String> WIPES =
      Names.of(
          "db:drop db:reset db:schema:load db:migrate:reset db:purge db:truncate_all "
              + "db:setup migrate:fresh migrate:reset migrate:refresh db:wipe flush reset_db "
              + "sqlflush flyway:clean flywayClean dropAll liquibase:dropAll db:seed:undo:all "
              + "migrate:rollback");
  private static final Set<String> BUILDS =
      Names.of(
          "install ci add i build compile package fmt check vet clippy lint format tidy "
              + "download get fetch update upgrade outdated list ls info view audit why tree "
              + "clean restore sync lock verify --version version -v --help help validate cache "
              + "config mod pack publish login logout whoami prune dedupe doctor search explain "
              + "env work uninstall remove");
  private static final Set<String> COMPILERS =
      Names.of(
          "tsc eslint prettier black ruff mypy javac gcc g++ clang rustc swift cmake " + "ninja");

  private BuildTools() {}

  static Verdict classify(Invocation inv, Context ctx) {
    String p = inv.program();
    List<String> ops = inv.operands();
    for (String op : ops) {
      if (WIPES.contains(op) || op.endsWith(":drop")) {
        return wipe(inv, op);
      }
    }
    if (p.equals("alembic") && ops.contains("downgrade") && ops.contains("base")) {
      return wipe(inv, "downgrade base");
    }
    if (ops.contains("migrate") && ops.contains("reset") || inv.has("--force-reset")) {
      return wipe(inv, "migrate reset");
    }
    if (p.equals("dotnet") && inv.has("drop") && inv.has("database")) {
      return wipe(inv, "ef database drop");
    }
    String sub = ops.isEmpty() ? "" : ops.getFirst();
    if (COMPILERS.contains(p) || BUILDS.contains(sub) && !p.equals("make") && !p.equals("rake")) {
      return Verdict.one(
          Verb.EXEC,
          "build",
          inv.display(),
          false,
          p + " " + sub + " builds, checks or installs dependencies");
    }
    return Verdict.opaque(
        inv,
        p
            + (sub.isEmpty() ? "" : " " + sub)
            + " runs the project's own code or tasks, which Countersign does not read");
  }

  /** {@code python manage.py flush}, {@code php artisan migrate:fresh}, {@code ./x.sh}. */
  static Verdict script(Invocation inv, String file, List<String> args, Context ctx) {
    String name = Wrappers.baseName(file);
    if (name.equals("manage.py") || name.equals("artisan") || name.equals("console")) {
      for (String a : args) {
        if (WIPES.contains(a) || a.endsWith(":drop")) {
          return wipe(inv, a);
        }
      }
    }
    return Verdict.opaque(
        inv, inv.program() + " runs the script " + file + ", which Countersign cannot see");
  }

  private static Verdict wipe(Invocation inv, String task) {
    return Verdict.one(
            Verb.DELETE,
            "sql-database",
            "(the project's database)",
            true,
            inv.program() + " " + task + " drops or empties the project's database")
        .recreatesEnvironment(
            inv.program() + " " + task + " wipes the project's database.",
            "(the project's database)");
  }
}
