package dev.countersign.analyze.cloudformation;

import static dev.countersign.analyze.cloudformation.ChangeSets.change;
import static dev.countersign.analyze.cloudformation.ChangeSets.changeSet;
import static dev.countersign.analyze.cloudformation.ChangeSets.only;
import static dev.countersign.analyze.cloudformation.ChangeSets.resource;
import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.digest.ChangeDigest;
import dev.countersign.model.Analysis;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The content hash moves with what will happen to a resource, and only with that. */
class ChangeSetDigestTest {

  private static final String DETAIL_A =
      "{\"Target\":{\"Attribute\":\"Properties\",\"Name\":\"TopicName\","
          + "\"RequiresRecreation\":\"Always\"},\"Evaluation\":\"Static\","
          + "\"ChangeSource\":\"DirectModification\"}";
  private static final String DETAIL_B =
      "{\"Target\":{\"Attribute\":\"Tags\",\"RequiresRecreation\":\"Never\"},"
          + "\"Evaluation\":\"Static\",\"ChangeSource\":\"DirectModification\"}";

  /** The hash of a Modify of one topic with the given members (no default Scope or Details). */
  private static String hash(String extra) {
    return only(changeSet(
            resource(
                "\"Action\":\"Modify\",\"LogicalResourceId\":\"T\","
                    + "\"ResourceType\":\"AWS::SNS::Topic\","
                    + extra)))
        .contentHash();
  }

  private static String digest(String json) {
    Analysis analysis = ChangeSets.analyze(json);
    return ChangeDigest.of(analysis.kind(), "production", List.of(), analysis.actions());
  }

  @Test
  void detailsAndScopeInAnotherOrder_keepTheHash() {
    assertThat(
            hash(
                "\"Replacement\":\"True\",\"Scope\":[\"Properties\",\"Tags\"],\"Details\":["
                    + DETAIL_A
                    + ","
                    + DETAIL_B
                    + "]"))
        .isEqualTo(
            hash(
                "\"Details\":["
                    + DETAIL_B
                    + ","
                    + DETAIL_A
                    + "],\"Scope\":[\"Tags\",\"Properties\"],\"Replacement\":\"True\""));
  }

  @Test
  void contextKeyOrder_keepsTheHash() {
    assertThat(hash("\"AfterContext\":\"{\\\"Properties\\\":{\\\"A\\\":1,\\\"B\\\":2}}\""))
        .isEqualTo(hash("\"AfterContext\":\"{\\\"Properties\\\":{\\\"B\\\":2, \\\"A\\\":1.0}}\""));
  }

  @Test
  void anotherReplacementOrDetailOrContext_movesTheHash() {
    String base = hash("\"Replacement\":\"False\",\"Details\":[" + DETAIL_B + "]");
    assertThat(hash("\"Replacement\":\"True\",\"Details\":[" + DETAIL_B + "]")).isNotEqualTo(base);
    assertThat(hash("\"Replacement\":\"False\",\"Details\":[" + DETAIL_A + "]")).isNotEqualTo(base);
    assertThat(
            hash(
                "\"Replacement\":\"False\",\"Details\":["
                    + DETAIL_B
                    + "],\"AfterContext\":\"{\\\"Properties\\\":{\\\"A\\\":1}}\""))
        .isNotEqualTo(base);
  }

  @Test
  void changeSetIdsTimesAndStatuses_leaveTheDigest() {
    String entry = change("Remove", "A", "AWS::SSM::Parameter", "");
    String first = changeSet(entry);
    String second =
        first
            .replace("changeSet/x/1", "changeSet/y/2")
            .replace("CREATE_COMPLETE", "CREATE_PENDING")
            .replace(
                "{\"ChangeSetId\"", "{\"CreationTime\":\"2030-01-01T00:00:00Z\",\"ChangeSetId\"");
    assertThat(digest(second)).isEqualTo(digest(first));
  }

  @Test
  void exactNumbersBeyondDoublePrecision_moveTheHash() {
    assertThat(hash("\"ModuleInfo\":{\"N\":9007199254740993}"))
        .isNotEqualTo(hash("\"ModuleInfo\":{\"N\":9007199254740992}"));
  }
}
