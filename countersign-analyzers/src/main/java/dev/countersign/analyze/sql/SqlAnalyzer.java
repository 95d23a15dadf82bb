package dev.countersign.analyze.sql;

import dev.countersign.analyze.Analyzer;
import dev.countersign.analyze.InputLimits;
import dev.countersign.analyze.TextDecoding;
import dev.countersign.model.Analysis;
import dev.countersign.model.ChangeKind;
import dev.countersign.model.Finding;
import dev.countersign.model.Severity;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;

/**
 * Analyses a SQL migration: decodes it (UTF-8 or UTF-16 with a byte-order mark), takes the given
 * dialect or guesses it (and says so in an {@code sql-dialect} finding), and reads it statement by
 * statement. The text is held in memory: migrations are small, and the size limit bounds it.
 */
final class SqlAnalyzer implements Analyzer {

  static final String DIALECT = "sql-dialect";

  private final Optional<SqlDialect> dialect;

  SqlAnalyzer(Optional<SqlDialect> dialect) {
    this.dialect = dialect;
  }

  @Override
  public ChangeKind kind() {
    return ChangeKind.SQL;
  }

  @Override
  public Analysis analyze(InputStream content, InputLimits limits) {
    String sql = TextDecoding.decode(content, limits);
    if (dialect.isPresent()) {
      return SqlAnalysis.analyze(sql, dialect.get(), limits, List.of());
    }
    SqlDialect guessed = SqlDialect.guess(sql);
    Finding note =
        new Finding(
            Severity.INFO,
            DIALECT,
            "Read as "
                + (guessed == SqlDialect.MYSQL ? "MySQL" : "PostgreSQL")
                + " SQL, the dialect guessed from the text.",
            "");
    return SqlAnalysis.analyze(sql, guessed, limits, List.of(note));
  }
}
