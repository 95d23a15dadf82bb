package dev.countersign.analyze.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.analyze.Analyzers;
import dev.countersign.analyze.InputLimits;
import dev.countersign.model.Analysis;
import dev.countersign.model.ChangeKind;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The harbor migrations of the corpus against DESTRUCTIVE.tsv, file by file, exactly. */
class SqlCorpusTest {

  static Stream<String> files() {
    return SqlCorpus.files().stream();
  }

  @Test
  void everyCorpusFile_isListedInDestructiveTsv() {
    assertThat(SqlCorpus.expected().keySet())
        .containsExactlyInAnyOrderElementsOf(SqlCorpus.files());
  }

  @ParameterizedTest
  @MethodSource("files")
  void destructiveStatements_equalDestructiveTsv(String file) {
    Set<String> reported =
        SqlCorpus.reported(SqlAnalysis.statements(SqlCorpus.read(file), SqlDialect.POSTGRESQL));
    Set<String> expected = SqlCorpus.expected().get(file);
    Set<String> missing = new TreeSet<>(expected);
    missing.removeAll(reported);
    Set<String> extra = new TreeSet<>(reported);
    extra.removeAll(expected);
    assertThat(missing).as("in DESTRUCTIVE.tsv but not reported, " + file).isEmpty();
    assertThat(extra).as("reported but not in DESTRUCTIVE.tsv, " + file).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("files")
  void everyCorpusFile_isDetectedAsSqlAndAnalysedFromBytes(String file) {
    byte[] bytes = SqlCorpus.read(file).getBytes(StandardCharsets.UTF_8);
    Analyzers analyzers = Analyzers.standard();
    assertThat(analyzers.detect(bytes)).isEqualTo(ChangeKind.SQL);
    Analysis analysis = analyzers.analyze(bytes, InputLimits.defaults());
    assertThat(analysis.kind()).isEqualTo(ChangeKind.SQL);
    assertThat(analysis.actions()).isNotEmpty();
    assertThat(analysis.findings()).noneMatch(f -> f.code().equals("opaque"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "goharbor-harbor__0002_1.7.0_schema.up.sql",
        "goharbor-harbor__0005_1.8.2_schema.up.sql"
      })
  void truncateInAComment_isNoTruncate(String file) {
    assertThat(SqlCorpus.read(file)).containsIgnoringCase("truncate");
    assertThat(SqlAnalysis.statements(SqlCorpus.read(file), SqlDialect.POSTGRESQL))
        .flatMap(SqlStatement::effects)
        .noneMatch(e -> e.kind().contains("TRUNCATE"));
  }

  @Test
  void deleteWithoutWhere_isDataLossAtLine504() {
    Analysis analysis =
        SqlAnalysis.analyze(
            SqlCorpus.read("goharbor-harbor__0050_2.2.0_schema.up.sql"), SqlDialect.POSTGRESQL);
    assertThat(analysis.dataLoss()).isTrue();
    assertThat(analysis.findings())
        .anySatisfy(
            f -> {
              assertThat(f.code()).isEqualTo("data-loss");
              assertThat(f.message()).startsWith("Line 504: DELETE FROM scan_report");
              assertThat(f.address()).isEqualTo("scan_report (line 504)");
            });
  }

  @Test
  void negativeControls_loseNoData() {
    for (String file :
        new String[] {
          "goharbor-harbor__0001_initial_schema.up.sql", "goharbor-harbor__0120_2.9.0_schema.up.sql"
        }) {
      Analysis analysis = SqlAnalysis.analyze(SqlCorpus.read(file), SqlDialect.POSTGRESQL);
      assertThat(analysis.destructive()).as(file).isFalse();
      assertThat(analysis.dataLoss()).as(file).isFalse();
    }
  }
}
