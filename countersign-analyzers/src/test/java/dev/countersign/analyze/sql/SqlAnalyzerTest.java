package dev.countersign.analyze.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.countersign.analyze.AnalysisException;
import dev.countersign.analyze.AnalysisException.Problem;
import dev.countersign.analyze.InputLimits;
import dev.countersign.digest.ChangeDigest;
import dev.countersign.model.Analysis;
import dev.countersign.model.ChangeKind;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The SQL analyser as a format: bytes in, an analysis out, and what its digest covers. */
class SqlAnalyzerTest {

  private static Analysis analyze(String sql) {
    return SqlAnalysis.analyzer()
        .analyze(sql.getBytes(StandardCharsets.UTF_8), InputLimits.defaults());
  }

  private static String digest(String sql) {
    Analysis a = analyze(sql);
    return ChangeDigest.of(ChangeKind.SQL, "production", List.of("db"), a.actions());
  }

  @Test
  void onlyComments_isEmpty() {
    AnalysisException e =
        catchThrowableOfType(AnalysisException.class, () -> analyze("-- nothing\n/* here */\n"));
    assertThat(e.problem()).isEqualTo(Problem.EMPTY);
  }

  @Test
  void dialect_isGuessedAndSaid() {
    assertThat(analyze("DROP TABLE `a`;").findings())
        .anySatisfy(f -> assertThat(f.message()).contains("MySQL"));
    assertThat(analyze("DROP TABLE a;").findings())
        .anySatisfy(f -> assertThat(f.message()).contains("PostgreSQL"));
    assertThat(SqlDialect.guess("CREATE TABLE t (id SERIAL); DO $$ BEGIN END $$;"))
        .isEqualTo(SqlDialect.POSTGRESQL);
    assertThat(SqlDialect.guess("DELIMITER //\nCREATE TABLE `t` (id INT) ENGINE=InnoDB;"))
        .isEqualTo(SqlDialect.MYSQL);
  }

  @Test
  void utf16WithBom_isRead() {
    byte[] bytes = "\uFEFFDROP TABLE a;".getBytes(StandardCharsets.UTF_16LE);
    Analysis a = SqlAnalysis.analyzer(SqlDialect.POSTGRESQL).analyze(bytes, InputLimits.defaults());
    assertThat(a.dataLoss()).isTrue();
  }

  @Test
  void layoutAndComments_doNotMoveTheDigest() {
    assertThat(digest("DROP TABLE a;\nUPDATE b SET c = 1 WHERE d = 2;"))
        .isEqualTo(
            digest("-- cleanup\nDROP   TABLE a ;\n\n/* x */ UPDATE b\n  SET c = 1 WHERE d = 2;"));
  }

  @Test
  void anyChangeInWhatRuns_movesTheDigest() {
    String base = digest("DROP TABLE a;\nUPDATE b SET c = 1 WHERE d = 2;");
    assertThat(digest("DROP TABLE a;\nUPDATE b SET c = 1 WHERE d = 3;")).isNotEqualTo(base);
    assertThat(digest("DROP TABLE a;\nUPDATE b SET c = 'x  y' WHERE d = 2;"))
        .isNotEqualTo(digest("DROP TABLE a;\nUPDATE b SET c = 'x y' WHERE d = 2;"));
    assertThat(digest("UPDATE b SET c = 1 WHERE d = 2;\nDROP TABLE a;")).isNotEqualTo(base);
  }

  @Test
  void actions_carryTheLineInTheirReasonNotTheirAddress() {
    Analysis a = analyze("\n\nDROP TABLE orders;");
    assertThat(a.actions())
        .singleElement()
        .satisfies(
            act -> {
              assertThat(act.address()).isEqualTo("orders");
              assertThat(act.reason()).isEqualTo("line 3: DROP TABLE");
              assertThat(act.resourceType()).isEqualTo("sql-table");
              assertThat(act.stateful()).isTrue();
            });
  }

  @Test
  void nonStatefulObjects_areDestructiveWithoutDataLoss() {
    Analysis a = analyze("DROP INDEX i; DROP VIEW v; DROP TRIGGER t ON x;");
    assertThat(a.destructive()).isTrue();
    assertThat(a.dataLoss()).isFalse();
  }

  @Test
  void sizeLimit_isEnforced() {
    byte[] big = "SELECT 1;\n".repeat(1000).getBytes(StandardCharsets.UTF_8);
    AnalysisException e =
        catchThrowableOfType(
            AnalysisException.class,
            () -> SqlAnalysis.analyzer().analyze(big, InputLimits.defaults().withMaxBytes(100)));
    assertThat(e.problem()).isEqualTo(Problem.TOO_LARGE);
  }
}
