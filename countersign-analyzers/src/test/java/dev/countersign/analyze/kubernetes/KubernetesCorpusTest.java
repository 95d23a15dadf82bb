package dev.countersign.analyze.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.analyze.Analyzers;
import dev.countersign.analyze.CorpusTable;
import dev.countersign.analyze.CorpusTable.Row;
import dev.countersign.analyze.InputLimits;
import dev.countersign.model.Action;
import dev.countersign.model.Analysis;
import dev.countersign.model.ChangeKind;
import dev.countersign.model.Finding;
import dev.countersign.model.Verb;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every manifest and admission request of the corpus gives exactly the expected actions. */
class KubernetesCorpusTest {

  private static final CorpusTable CORPUS = CorpusTable.load("kubernetes");

  static List<Row> rows() {
    return CORPUS.rows();
  }

  private static Analysis analyze(String file) {
    return KubernetesChanges.analyzer().analyze(CORPUS.bytes(file), InputLimits.defaults());
  }

  @Test
  void everyCorpusFile_hasAnExpectation() {
    assertThat(rows().stream().map(Row::file).toList())
        .containsExactlyInAnyOrderElementsOf(CORPUS.dataFiles())
        .hasSize(14);
  }

  @ParameterizedTest
  @MethodSource("rows")
  void corpusFile_givesTheExpectedActions(Row row) {
    Analysis analysis = analyze(row.file());
    assertThat(analysis.kind()).isEqualTo(ChangeKind.KUBERNETES);
    assertThat(CorpusTable.detail(analysis)).containsExactlyElementsOf(row.detail());
    assertThat(analysis.actions()).hasSize(row.actions());
    for (Verb verb : Verb.values()) {
      assertThat(analysis.summary().get(verb)).as(verb.wire()).isEqualTo(row.count(verb));
    }
    assertThat(analysis.destructive()).as("destructive").isEqualTo(row.destructive());
    assertThat(analysis.dataLoss()).as("dataLoss").isEqualTo(row.dataLoss());
    assertThat(analysis.recreateEnvironment()).isEqualTo(row.recreateEnvironment());
    assertThat(analysis.findings().stream().map(Finding::code).sorted().toList())
        .containsExactlyElementsOf(row.findings());
    assertThat(analysis.actions().stream().filter(Action::stateful).map(Action::address))
        .containsExactlyElementsOf(row.stateful());
    assertThat(analysis.actions())
        .allSatisfy(a -> assertThat(a.resourceType()).startsWith("kubernetes/"));
  }

  @ParameterizedTest
  @MethodSource("rows")
  void corpusFile_isDetectedAsKubernetes(Row row) {
    assertThat(Analyzers.standard().detect(CORPUS.bytes(row.file())))
        .isEqualTo(ChangeKind.KUBERNETES);
  }

  @Test
  void deleteRequest_takesTheObjectFromOldObject() {
    Action action =
        analyze("admission/kubewarden-policies__echo__delete_accept.json").actions().get(0);
    assertThat(action.resourceType()).isEqualTo("kubernetes/Deployment");
    assertThat(action.reason()).isEqualTo("admission request: DELETE");
    assertThat(action.contentHash()).hasSize(64);
  }

  @Test
  void manifest_isAnApplyThatCreatesOrUpdates() {
    Action action =
        analyze("manifests/kubernetes-examples__web__guestbook__frontend-deployment.yaml")
            .actions()
            .get(0);
    assertThat(action.reason()).startsWith("apply (create or update)");
  }

  @Test
  void requestName_winsOverTheObjectsName() {
    assertThat(
            analyze(
                    "admission/kubewarden-policies__psa-label-enforcer-policy__namespace_with_labels.json")
                .actions()
                .get(0)
                .address())
        .isEqualTo("Namespace/one");
  }
}
