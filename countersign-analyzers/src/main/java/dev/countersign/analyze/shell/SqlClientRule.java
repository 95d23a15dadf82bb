package dev.countersign.analyze.shell;

import dev.countersign.analyze.AnalysisException;
import dev.countersign.analyze.shell.Verdict.Outcome;
import dev.countersign.analyze.sql.SqlAnalysis;
import dev.countersign.analyze.sql.SqlDialect;
import dev.countersign.analyze.sql.SqlStatement;
import dev.countersign.model.Action;
import dev.countersign.model.Finding;
import dev.countersign.model.Verb;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code psql -c SQL}, {@code mysql -e SQL}, {@code sqlite3 DB SQL}, or SQL in a here-document or
 * {@code echo ... |}: the SQL is read statement by statement by {@link SqlAnalysis}, whose actions
 * and findings (data loss, recreate-environment for a dropped database) become this command's. SQL
 * from a file ({@code -f}, {@code < dump.sql}), a pipe or a prompt cannot be seen: opaque.
 */
final class SqlClientRule {

  private static final Set<String> PSQL_VALUES =
      Names.of(
          "-d --dbname -h --host -p --port -U --username -v --set --variable -o --output "
              + "-L --log-file -P --pset -F -R -T");
  private static final Set<String> MYSQL_VALUES =
      Names.of(
          "-D --database -u --user -h --host -P --port -S --socket "
              + "--default-character-set --defaults-file --login-path");

  private SqlClientRule() {}

  static Verdict classify(Invocation inv, Context ctx) {
    if (inv.has("--version", "-V", "--help", "-l", "--list")) {
      return Verdict.read(inv, "sql");
    }
    SqlArgs args = inv.program().equals("sqlite3") ? sqlite(inv) : clientArgs(inv);
    if (!args.file().isEmpty()) {
      return Verdict.opaque(
          inv,
          inv.program()
              + " runs SQL from the file "
              + args.file()
              + ", which Countersign cannot see");
    }
    List<String> sql = new ArrayList<>(args.sql());
    if (sql.isEmpty()) {
      Stdin stdin = ctx.stdin();
      if (stdin.kind() != Stdin.Kind.TEXT) {
        return Verdict.opaque(
            inv,
            inv.program()
                + " runs SQL from "
                + (stdin.kind() == Stdin.Kind.NONE ? "an interactive prompt" : stdin.describe()));
      }
      sql.addAll(stdin.texts());
    }
    SqlDialect dialect =
        inv.program().equals("psql")
            ? SqlDialect.POSTGRESQL
            : inv.program().equals("sqlite3")
                ? SqlDialect.guess(String.join("\n", sql))
                : SqlDialect.MYSQL;
    Verdict verdict = Verdict.NONE;
    for (String text : sql) {
      verdict = verdict.and(statements(inv, text, dialect));
    }
    return verdict.outcomes().isEmpty()
        ? Verdict.one(Verb.NOOP, "sql", "", false, inv.program() + " runs no SQL statement")
            .and(verdict)
        : verdict;
  }

  private static Verdict statements(Invocation inv, String text, SqlDialect dialect) {
    List<SqlStatement> statements;
    try {
      statements = SqlAnalysis.statements(text, dialect);
    } catch (AnalysisException e) {
      return Verdict.opaque(
          inv, inv.program() + " runs SQL that cannot be read: " + e.getMessage());
    }
    List<Outcome> outcomes = new ArrayList<>();
    List<Finding> findings = new ArrayList<>();
    for (SqlStatement s : statements) {
      for (Action a : s.actions()) {
        outcomes.add(
            new Outcome(
                a.verb(),
                a.resourceType(),
                a.address(),
                a.stateful(),
                inv.program() + ": " + a.reason()));
      }
      findings.addAll(s.findings());
    }
    return new Verdict(outcomes, findings);
  }

  /**
   * The SQL and script file an invocation names.
   *
   * @param sql the SQL given on the command line, in order
   * @param file the script file ({@code -f FILE}), or "" when none (or standard input)
   */
  private record SqlArgs(List<String> sql, String file) {}

  private static SqlArgs clientArgs(Invocation inv) {
    boolean psql = inv.program().equals("psql");
    String sqlFlag = psql ? "-c" : "-e";
    String sqlLong = psql ? "--command" : "--execute";
    Set<String> withValue = psql ? PSQL_VALUES : MYSQL_VALUES;
    List<String> sql = new ArrayList<>();
    String file = "";
    List<String> args = inv.args();
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if ((a.equals(sqlFlag) || a.equals(sqlLong)) && i + 1 < args.size()) {
        sql.add(args.get(++i));
      } else if (a.startsWith(sqlLong + "=")) {
        sql.add(a.substring(sqlLong.length() + 1));
      } else if (a.startsWith(sqlFlag) && a.length() > 2) {
        sql.add(a.substring(2));
      } else if (psql && (a.equals("-f") || a.equals("--file")) && i + 1 < args.size()) {
        file = args.get(++i).equals("-") ? file : args.get(i);
      } else if (psql && a.startsWith("--file=")) {
        file = a.substring("--file=".length());
      } else if (withValue.contains(a)) {
        i++;
      }
    }
    return new SqlArgs(sql, file);
  }

  /** {@code sqlite3 [OPTIONS] DB [SQL...]}: the words after the database are SQL. */
  private static SqlArgs sqlite(Invocation inv) {
    List<String> operands = inv.operands();
    if (operands.size() < 2) {
      return new SqlArgs(List.of(), "");
    }
    List<String> sql = new ArrayList<>();
    for (String s : operands.subList(1, operands.size())) {
      if (s.startsWith(".read ")) {
        return new SqlArgs(List.of(), s.substring(6).strip());
      }
      sql.add(s.startsWith(".") ? "" : s);
    }
    return new SqlArgs(sql, "");
  }
}
