package dev.countersign.analyze.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * For every corpus statement JSqlParser parses and the tree reading maps, the keyword reading (the
 * fallback) reaches the same effects: the fallback is not a weaker analyser.
 */
class ClassifierAgreementTest {

  static Stream<String> files() {
    return SqlCorpus.files().stream();
  }

  @ParameterizedTest
  @MethodSource("files")
  void keywordReading_agreesWithJSqlParser(String file) {
    List<String> disagreements = new ArrayList<>();
    int compared = 0;
    for (RawStatement raw : Splitter.split(SqlCorpus.read(file), SqlDialect.POSTGRESQL, 1)) {
      Optional<List<Effect>> fromTree =
          JSqlParse.parse(raw, SqlDialect.POSTGRESQL)
              .flatMap(t -> ParsedClassifier.classify(t, SqlDialect.POSTGRESQL, false));
      if (fromTree.isEmpty()) {
        continue;
      }
      compared++;
      List<Effect> fromKeywords = KeywordClassifier.classify(raw, SqlDialect.POSTGRESQL, false);
      if (!describe(fromTree.get()).equals(describe(fromKeywords))) {
        disagreements.add(
            "line "
                + raw.line()
                + ": tree "
                + describe(fromTree.get())
                + " keywords "
                + describe(fromKeywords));
      }
    }
    assertThat(disagreements).as(file).isEmpty();
    assertThat(compared).as(file).isPositive();
  }

  private static List<String> describe(List<Effect> effects) {
    return effects.stream()
        .map(e -> e.kind() + " " + e.verb() + " " + e.object() + " " + e.address())
        .toList();
  }
}
