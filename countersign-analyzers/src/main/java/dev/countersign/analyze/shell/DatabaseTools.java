package dev.countersign.analyze.shell;

import dev.countersign.model.Verb;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Database command-line tools and the migration tools agents run: {@code dropdb} and {@code
 * mysqladmin drop} drop a database (recreate-environment); {@code pg_restore --clean} replaces one;
 * {@code flyway clean}, {@code liquibase dropAll} and {@code mongosh --eval 'db.dropDatabase()'}
 * wipe schemas or databases; dumps only read.
 */
final class DatabaseTools {

  static final String[] PROGRAMS = {
    "dropdb", "dropuser", "createdb", "createuser", "mysqladmin", "pg_restore", "pg_dump",
    "pg_dumpall", "mysqldump", "mongosh", "mongo", "mongodump", "mongorestore", "flyway",
    "liquibase", "pg_isready", "pg_ctl", "pg_basebackup"
  };

  private static final Pattern MONGO_DROP_DB = Pattern.compile("dropDatabase\\s*\\(");
  private static final Pattern MONGO_DROP =
      Pattern.compile("\\.drop\\s*\\(|deleteMany\\s*\\(\\s*\\{\\s*}|\\.remove\\s*\\(\\s*\\{\\s*}");
  private static final Pattern MONGO_READ =
      Pattern.compile(
          "^[\\s\\w.()\"'{}:,\\[\\]$-]*\\.(find|findOne|count|countDocuments|"
              + "getCollectionNames|stats|aggregate|getIndexes|distinct)\\s*\\(.*$"
              + "|^\\s*(show|db\\.version|db\\.stats|rs\\.status).*$",
          Pattern.DOTALL);

  private DatabaseTools() {}

  static Verdict classify(Invocation inv, Context ctx) {
    String p = inv.program();
    List<String> operands = inv.operands();
    String last = operands.isEmpty() ? "(database)" : operands.getLast();
    return switch (p) {
      case "dropdb" -> dropDatabase(last, "dropdb");
      case "mysqladmin" ->
          operands.contains("drop")
              ? dropDatabase(last, "mysqladmin drop")
              : Verdict.one(
                  Verb.UPDATE,
                  "sql-server",
                  String.join(" ", operands),
                  false,
                  "mysqladmin " + String.join(" ", operands));
      case "dropuser" -> Verdict.one(Verb.DELETE, "sql-role", last, false, "dropuser drops a role");
      case "createdb", "createuser" ->
          Verdict.one(Verb.CREATE, "sql-database", last, false, p + " creates");
      case "pg_restore", "mongorestore" -> restore(inv, last);
      case "pg_dump", "pg_dumpall", "mysqldump", "mongodump", "pg_isready", "pg_basebackup" ->
          Verdict.read(inv, "sql-database");
      case "mongosh", "mongo" -> mongo(inv);
      case "flyway", "liquibase" -> migrations(inv, operands);
      default ->
          Verdict.one(Verb.UPDATE, "sql-server", inv.display(), false, p + " controls the server");
    };
  }

  static Verdict dropDatabase(String name, String how) {
    return Verdict.one(Verb.DELETE, "sql-database", name, true, how + " drops the database")
        .recreatesEnvironment(how + " drops the whole database " + name + ".", name);
  }

  private static Verdict restore(Invocation inv, String target) {
    boolean clean = inv.hasOption('c', "--clean") || inv.has("--drop");
    return clean
        ? Verdict.one(
            Verb.REPLACE,
            "sql-database",
            target,
            true,
            inv.program() + " --clean drops what exists before restoring")
        : Verdict.one(Verb.UPDATE, "sql-database", target, false, inv.program() + " restores");
  }

  private static Verdict mongo(Invocation inv) {
    int eval = inv.args().indexOf("--eval");
    if (eval < 0 || eval + 1 >= inv.args().size()) {
      return Verdict.opaque(inv, inv.program() + " runs JavaScript Countersign cannot see");
    }
    String js = inv.args().get(eval + 1);
    if (MONGO_DROP_DB.matcher(js).find()) {
      return dropDatabase("(current database)", inv.program() + " dropDatabase()");
    }
    if (MONGO_DROP.matcher(js).find()) {
      return Verdict.one(
          Verb.DELETE,
          "mongodb-collection",
          js,
          true,
          inv.program() + " drops or empties a collection");
    }
    return MONGO_READ.matcher(js).matches()
        ? Verdict.read(inv, "mongodb-collection")
        : Verdict.opaque(inv, inv.program() + " runs JavaScript Countersign does not classify");
  }

  /** {@code flyway clean} and {@code liquibase dropAll} drop every object in the schemas. */
  private static Verdict migrations(Invocation inv, List<String> operands) {
    String sub = operands.isEmpty() ? "" : operands.getFirst();
    if (sub.equals("clean") || sub.equalsIgnoreCase("dropAll") || sub.equals("drop-all")) {
      return Verdict.one(
              Verb.DELETE,
              "sql-schema",
              "(configured schemas)",
              true,
              inv.program() + " " + sub + " drops every object in the schemas")
          .recreatesEnvironment(
              inv.program() + " " + sub + " wipes the database schemas.", "(configured schemas)");
    }
    if (sub.equals("info")
        || sub.equals("validate")
        || sub.equals("status")
        || sub.equals("history")
        || sub.equals("diff")
        || sub.startsWith("update-sql")) {
      return Verdict.read(inv, "sql-schema");
    }
    return Verdict.opaque(
        inv,
        inv.program()
            + " "
            + sub
            + " runs the project's migrations, which Countersign does not read here");
  }
}
