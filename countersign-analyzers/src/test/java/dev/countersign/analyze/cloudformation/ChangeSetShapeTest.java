package dev.countersign.analyze.cloudformation;

import static dev.countersign.analyze.cloudformation.ChangeSets.change;
import static dev.countersign.analyze.cloudformation.ChangeSets.changeSet;
import static dev.countersign.analyze.cloudformation.ChangeSets.error;
import static dev.countersign.analyze.cloudformation.ChangeSets.resource;
import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.analyze.AnalysisException;
import dev.countersign.analyze.AnalysisException.Problem;
import dev.countersign.analyze.InputLimits;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Documents that are not change sets, or change sets of the wrong shape, get typed errors. */
class ChangeSetShapeTest {

  @Test
  void emptyInput_isEmpty() {
    assertThat(error("  ").problem()).isEqualTo(Problem.EMPTY);
  }

  @ParameterizedTest
  @ValueSource(strings = {"[]", "\"x\"", "42", "{\"StackName\":\"x\"}", "{\"Changes\":{}}"})
  void documentThatIsNotAChangeSet_isInvalidStructure(String json) {
    assertThat(error(json).problem()).isEqualTo(Problem.INVALID_STRUCTURE);
  }

  @Test
  void pageOfAPaginatedChangeSet_isRefused() {
    AnalysisException e = error("{\"Changes\":[],\"NextToken\":\"abc\",\"ChangeSetId\":\"x\"}");
    assertThat(e.problem()).isEqualTo(Problem.INVALID_STRUCTURE);
    assertThat(e.getMessage()).contains("NextToken").contains("merge");
  }

  @Test
  void nullNextToken_isTheLastPage() {
    assertThat(ChangeSets.analyze("{\"Changes\":[],\"NextToken\":null}").actions()).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "\"LogicalResourceId\":\"A\",\"ResourceType\":\"AWS::SNS::Topic\"|Action",
        "\"Action\":\"Add\",\"ResourceType\":\"AWS::SNS::Topic\"|LogicalResourceId",
        "\"Action\":\"Add\",\"LogicalResourceId\":\"A\"|ResourceType",
        "\"Action\":7,\"LogicalResourceId\":\"A\",\"ResourceType\":\"T\"|Action"
      })
  void resourceChangeWithoutWhatDecidesItsAction_isRefused(String members, String named) {
    AnalysisException e =
        error(changeSet(change("Add", "ok", "AWS::SNS::Topic", ""), resource(members)));
    assertThat(e.problem()).isEqualTo(Problem.INVALID_STRUCTURE);
    assertThat(e.getMessage()).contains("Changes[1]").contains(named);
    assertThat(e.line()).isPresent();
  }

  @ParameterizedTest
  @ValueSource(strings = {"7", "{\"Type\":\"Resource\"}", "{}"})
  void entryWithoutAResourceChange_isRefused(String entry) {
    assertThat(error(changeSet(entry)).getMessage()).contains("Changes[0]");
  }

  @Test
  void duplicateKey_isRefused() {
    assertThat(error("{\"Changes\":[],\"Changes\":[]}").problem()).isEqualTo(Problem.DUPLICATE_KEY);
  }

  @Test
  void contentAfterTheChangeSet_isRefused() {
    assertThat(error("{\"Changes\":[]} {\"Changes\":[]}").problem())
        .isEqualTo(Problem.INVALID_STRUCTURE);
  }

  @Test
  void deepNesting_isRefusedAsTooDeep() {
    String deep = "[".repeat(200) + "]".repeat(200);
    assertThat(error("{\"Changes\":[],\"Extra\":" + deep + "}").problem())
        .isEqualTo(Problem.TOO_DEEP);
  }

  @Test
  void inputOverTheSizeLimit_isTooLarge() {
    byte[] bytes =
        changeSet(change("Add", "A", "AWS::SNS::Topic", "")).getBytes(StandardCharsets.UTF_8);
    AnalysisException e =
        org.assertj.core.api.Assertions.catchThrowableOfType(
            AnalysisException.class,
            () ->
                CloudFormationChangeSets.analyzer()
                    .analyze(bytes, InputLimits.defaults().withMaxBytes(50)));
    assertThat(e.problem()).isEqualTo(Problem.TOO_LARGE);
  }

  @Test
  void hugeNumbersInAContext_doNotBreakTheHash() {
    String after = "{\\\"Properties\\\":{\\\"Size\\\":1" + "0".repeat(400) + "}}";
    String details = "{\"Target\":{\"Size\":1" + "0".repeat(400) + "}}";
    assertThat(
            ChangeSets.only(
                    changeSet(
                        change(
                            "Modify",
                            "V",
                            "AWS::EC2::Volume",
                            "\"AfterContext\":\"" + after + "\",\"ModuleInfo\":" + details)))
                .contentHash())
        .hasSize(64);
  }
}
