package dev.countersign.analyze.cloudformation;

import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.countersign.analyze.AnalysisException;
import dev.countersign.analyze.InputLimits;
import dev.countersign.model.Action;
import dev.countersign.model.Analysis;
import java.nio.charset.StandardCharsets;

/** Builds small change sets for tests. */
final class ChangeSets {

  private ChangeSets() {}

  /** A change set document around the given {@code Changes} entries (JSON, comma-separated). */
  static String changeSet(String... entries) {
    return "{\"ChangeSetId\":\"arn:aws:cloudformation:eu-west-1:1:changeSet/x/1\","
        + "\"StackName\":\"shop\",\"Status\":\"CREATE_COMPLETE\",\"Changes\":["
        + String.join(",", entries)
        + "]}";
  }

  /** One {@code Changes} entry with a resource change made of the given JSON members. */
  static String resource(String members) {
    return "{\"Type\":\"Resource\",\"ResourceChange\":{" + members + "}}";
  }

  /** A resource change of an action on a logical id and type, with extra members (or ""). */
  static String change(String action, String logicalId, String type, String extra) {
    return resource(
        "\"Action\":\""
            + action
            + "\",\"LogicalResourceId\":\""
            + logicalId
            + "\",\"ResourceType\":\""
            + type
            + "\",\"PhysicalResourceId\":\"phys-"
            + logicalId
            + "\",\"Scope\":[],\"Details\":[]"
            + (extra.isEmpty() ? "" : "," + extra));
  }

  static Analysis analyze(String json) {
    return CloudFormationChangeSets.analyzer()
        .analyze(json.getBytes(StandardCharsets.UTF_8), InputLimits.defaults());
  }

  static Action only(String json) {
    Analysis analysis = analyze(json);
    if (analysis.actions().size() != 1) {
      throw new AssertionError("expected one action, got " + analysis.actions());
    }
    return analysis.actions().get(0);
  }

  static AnalysisException error(String json) {
    return catchThrowableOfType(AnalysisException.class, () -> analyze(json));
  }
}
