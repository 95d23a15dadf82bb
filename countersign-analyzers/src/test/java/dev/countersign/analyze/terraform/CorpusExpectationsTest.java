package dev.countersign.analyze.terraform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.countersign.analyze.AnalysisException;
import dev.countersign.analyze.InputLimits;
import dev.countersign.model.Action;
import dev.countersign.model.Analysis;
import dev.countersign.model.Verb;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every corpus plan against the counts in EXPECTED.tsv, computed independently with jq. */
class CorpusExpectationsTest {

  static List<Corpus.Expected> expectations() {
    return Corpus.expectations();
  }

  @Test
  void everyCorpusPlanHasAnExpectation() {
    assertThat(expectations().stream().map(Corpus.Expected::file).toList())
        .containsExactlyInAnyOrderElementsOf(Corpus.files());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("expectations")
  void planGivesTheExpectedActionsPerVerb(Corpus.Expected expected) {
    byte[] plan = Corpus.bytes(expected.file());
    if (expected.invalid()) {
      assertThatThrownBy(() -> TerraformPlans.analyzer().analyze(plan, InputLimits.defaults()))
          .isInstanceOf(AnalysisException.class)
          .hasMessageContaining("JSON")
          .extracting(e -> ((AnalysisException) e).problem())
          .isEqualTo(AnalysisException.Problem.MALFORMED);
      return;
    }
    Analysis analysis = TerraformPlans.analyzer().analyze(plan, InputLimits.defaults());
    Map<Verb, Integer> summary = analysis.summary();
    assertThat(analysis.actions()).hasSize(expected.count(1));
    assertThat(summary.get(Verb.CREATE)).as("create").isEqualTo(expected.count(2));
    assertThat(summary.get(Verb.UPDATE)).as("update").isEqualTo(expected.count(3));
    assertThat(summary.get(Verb.DELETE)).as("delete").isEqualTo(expected.count(4));
    assertThat(summary.get(Verb.REPLACE)).as("replace").isEqualTo(expected.count(5));
    assertThat(summary.get(Verb.NOOP)).as("noop").isEqualTo(expected.count(6));
    assertThat(summary.get(Verb.READ)).as("read").isEqualTo(expected.count(7));
    assertThat(summary.get(Verb.EXEC)).as("exec").isZero();
    assertThat(taggedDestructiveAddresses(analysis))
        .containsExactlyInAnyOrderElementsOf(
            expected.tagged().stream().map(CorpusExpectationsTest::untag).toList());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("expectations")
  void everyActionHasAContentHashAndAReason(Corpus.Expected expected) {
    if (expected.invalid()) {
      return;
    }
    Analysis analysis =
        TerraformPlans.analyzer().analyze(Corpus.bytes(expected.file()), InputLimits.defaults());
    assertThat(analysis.actions())
        .allSatisfy(
            a -> {
              assertThat(a.contentHash()).matches("[0-9a-f]{64}");
              assertThat(a.reason()).isNotBlank();
              assertThat(a.resourceType()).isNotBlank();
            });
  }

  /** "addr(delete)" → "addr delete"; "addr(replace:create,delete)" → "addr replace". */
  private static String untag(String tagged) {
    int open = tagged.lastIndexOf('(');
    String address = tagged.substring(0, open);
    String tag = tagged.substring(open + 1, tagged.length() - 1);
    return address + " " + (tag.startsWith("replace") ? "replace" : tag);
  }

  private static List<String> taggedDestructiveAddresses(Analysis analysis) {
    List<String> out = new ArrayList<>();
    for (Action a : analysis.actions()) {
      if (a.destructive()) {
        out.add(a.address() + " " + a.verb().wire());
      }
    }
    return out;
  }
}
