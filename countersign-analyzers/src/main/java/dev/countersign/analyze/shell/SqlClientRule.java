package dev.countersign.analyze.shell;

import dev.countersign.analyze.shell.Verdict.Outcome;
import dev.countersign.model.Verb;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code psql -c SQL} and {@code mysql -e SQL} (or SQL in a here-document): the SQL is read by
 * {@link SqlText}; dropping a database or schema recreates an environment. SQL from a file or a
 * pipe is not visible, so it is exec.
 */
final class SqlClientRule {

  private static final Set<String> PSQL_VALUES =
      Set.of(
          "-c",
          "--command",
          "-d",
          "--dbname",
          "-f",
          "--file",
          "-h",
          "--host",
          "-p",
          "--port",
          "-U",
          "--username",
          "-v",
          "--set",
          "--variable",
          "-o",
          "--output",
          "-L",
          "--log-file",
          "-P",
          "--pset",
          "-F",
          "-R",
          "-T");
  private static final Set<String> MYSQL_VALUES =
      Set.of(
          "-e",
          "--execute",
          "-D",
          "--database",
          "-u",
          "--user",
          "-h",
          "--host",
          "-P",
          "--port",
          "-S",
          "--socket",
          "--default-character-set",
          "--defaults-file",
          "--login-path");

  private SqlClientRule() {}

  /** The SQL given with -c/--command (psql) or -e/--execute (mysql), in order. */
  private static List<String> sqlArguments(Invocation inv) {
    boolean psql = inv.program().equals("psql");
    String sqlFlag = psql ? "-c" : "-e";
    String sqlLong = psql ? "--command" : "--execute";
    Set<String> withValue = psql ? PSQL_VALUES : MYSQL_VALUES;
    List<String> sql = new ArrayList<>();
    List<String> args = inv.args();
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if ((a.equals(sqlFlag) || a.equals(sqlLong)) && i + 1 < args.size()) {
        sql.add(args.get(++i));
      } else if (a.startsWith(sqlLong + "=")) {
        sql.add(a.substring(sqlLong.length() + 1));
      } else if (a.startsWith(sqlFlag) && a.length() > 2) {
        sql.add(a.substring(2));
      } else if (withValue.contains(a)) {
        i++;
      }
    }
    return sql;
  }

  static Verdict classify(Invocation inv, List<String> stdin) {
    List<String> sql = sqlArguments(inv);
    if (sql.isEmpty()) {
      sql.addAll(stdin);
    }
    if (sql.isEmpty()) {
      return Verdict.exec(
          inv,
          inv.program()
              + " runs SQL from a file, a pipe or a prompt, which Countersign cannot see");
    }
    List<Outcome> outcomes = new ArrayList<>();
    for (String text : sql) {
      outcomes.addAll(SqlText.classify(text, inv.program()));
    }
    if (outcomes.isEmpty()) {
      outcomes.add(
          new Outcome(Verb.NOOP, "sql", "", false, inv.program() + " runs no SQL statement"));
    }
    Verdict verdict = Verdict.of(outcomes);
    for (Outcome o : outcomes) {
      if (SqlText.dropsContainer(o)) {
        verdict =
            verdict.recreatesEnvironment(
                inv.program()
                    + " drops the whole "
                    + o.resourceType().substring(4)
                    + " "
                    + o.address()
                    + ".",
                o.address());
      }
    }
    return verdict;
  }
}
