package dev.countersign.analyze.sql;

import dev.countersign.model.Finding;
import java.util.List;
import java.util.stream.Collectors;

/** Short descriptions of what the SQL analyser reports, for table-driven tests. */
final class Sql {

  private Sql() {}

  static List<SqlStatement> pg(String sql) {
    return SqlAnalysis.statements(sql, SqlDialect.POSTGRESQL);
  }

  static List<SqlStatement> my(String sql) {
    return SqlAnalysis.statements(sql, SqlDialect.MYSQL);
  }

  /** Each effect as {@code KIND verb resource-type address}, joined by {@code "; "}. */
  static String effects(List<SqlStatement> statements) {
    return statements.stream()
        .flatMap(s -> s.effects().stream())
        .map(
            e ->
                (e.kind()
                        + " "
                        + e.action().verb().wire()
                        + " "
                        + e.action().resourceType()
                        + " "
                        + e.action().address())
                    .strip())
        .collect(Collectors.joining("; "));
  }

  /** The codes of every finding, in order. */
  static List<String> codes(List<SqlStatement> statements) {
    return findings(statements).stream().map(Finding::code).toList();
  }

  static List<Finding> findings(List<SqlStatement> statements) {
    return statements.stream().flatMap(s -> s.findings().stream()).toList();
  }
}
