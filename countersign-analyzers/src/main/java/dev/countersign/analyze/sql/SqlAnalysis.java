package dev.countersign.analyze.sql;

import dev.countersign.analyze.AnalysisException;
import dev.countersign.analyze.AnalysisException.Problem;
import dev.countersign.analyze.Analyzer;
import dev.countersign.analyze.InputLimits;
import dev.countersign.model.Analysis;
import dev.countersign.model.BlastRadius;
import dev.countersign.model.ChangeKind;
import dev.countersign.model.Finding;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The entry points of the SQL analyser: the {@link Analyzer} for SQL migrations, and a
 * statement-by-statement reading for callers that hold SQL in a string, such as the shell analyser
 * for {@code psql -c "…"} and {@code mysql -e "…"}.
 */
public final class SqlAnalysis {

  private SqlAnalysis() {}

  /**
   * The analyser for SQL migrations; it guesses the dialect from the text (PostgreSQL if unsure).
   */
  public static Analyzer analyzer() {
    return new SqlAnalyzer(Optional.empty());
  }

  /** The analyser for SQL migrations of a known dialect. */
  public static Analyzer analyzer(SqlDialect dialect) {
    return new SqlAnalyzer(Optional.of(dialect));
  }

  /**
   * Each statement of {@code sql} with its line, effects (as actions) and findings, in order; an
   * empty list when there is no statement. Comments and string literals never count.
   *
   * @throws AnalysisException of {@link Problem#MALFORMED} when a string, quoted identifier,
   *     comment or dollar-quoted body is never closed (with its line and column)
   */
  public static List<SqlStatement> statements(String sql, SqlDialect dialect) {
    return new StatementAnalyzer(dialect, InputLimits.DEFAULT_MAX_DEPTH).statements(sql);
  }

  /**
   * The whole analysis of {@code sql}: every statement's actions and findings.
   *
   * @throws AnalysisException of {@link Problem#EMPTY} when there is no statement, or {@link
   *     Problem#MALFORMED} as {@link #statements} does
   */
  public static Analysis analyze(String sql, SqlDialect dialect) {
    return analyze(sql, dialect, InputLimits.defaults(), List.of());
  }

  static Analysis analyze(String sql, SqlDialect dialect, InputLimits limits, List<Finding> extra) {
    List<SqlStatement> statements =
        new StatementAnalyzer(dialect, limits.maxDepth()).statements(sql);
    if (statements.isEmpty()) {
      throw AnalysisException.of(
          Problem.EMPTY, "the SQL holds no statement (only whitespace or comments)");
    }
    List<dev.countersign.model.Action> actions = new ArrayList<>();
    List<Finding> findings = new ArrayList<>(extra);
    for (SqlStatement s : statements) {
      actions.addAll(s.actions());
      findings.addAll(s.findings());
    }
    return Analysis.of(ChangeKind.SQL, actions, findings, BlastRadius.none());
  }
}
