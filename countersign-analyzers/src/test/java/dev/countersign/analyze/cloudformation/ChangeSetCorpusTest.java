package dev.countersign.analyze.cloudformation;

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

/** Every change set of the corpus gives exactly the actions derived by reading it. */
class ChangeSetCorpusTest {

  private static final CorpusTable CORPUS = CorpusTable.load("cloudformation");

  static List<Row> rows() {
    return CORPUS.rows();
  }

  @Test
  void everyCorpusFile_hasAnExpectation() {
    assertThat(rows().stream().map(Row::file).toList())
        .containsExactlyInAnyOrderElementsOf(CORPUS.dataFiles())
        .hasSize(6);
  }

  @ParameterizedTest
  @MethodSource("rows")
  void corpusChangeSet_givesTheExpectedActions(Row row) {
    Analysis analysis =
        CloudFormationChangeSets.analyzer()
            .analyze(CORPUS.bytes(row.file()), InputLimits.defaults());
    assertThat(analysis.kind()).isEqualTo(ChangeKind.CLOUDFORMATION_CHANGESET);
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
  }

  @ParameterizedTest
  @MethodSource("rows")
  void corpusChangeSet_isDetectedAsCloudFormation(Row row) {
    assertThat(Analyzers.standard().detect(CORPUS.bytes(row.file())))
        .isEqualTo(ChangeKind.CLOUDFORMATION_CHANGESET);
  }

  @Test
  void resourceTypeAndPhysicalId_areKept() {
    Analysis analysis =
        CloudFormationChangeSets.analyzer()
            .analyze(
                CORPUS.bytes("localstack__test_direct_update__describe-change-set-2.json"),
                InputLimits.defaults());
    Action foo = analysis.actions().get(0);
    assertThat(foo.resourceType()).isEqualTo("AWS::SNS::Topic");
    assertThat(foo.reason())
        .contains("creates a new one, then deletes the old one")
        .contains("arn:<partition>:sns:<region>:111111111111:topic-1");
    assertThat(foo.contentHash()).hasSize(64);
  }
}
