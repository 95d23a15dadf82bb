package dev.countersign.analyze.terraform;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.countersign.analyze.AnalysisException;
import dev.countersign.analyze.AnalysisException.Problem;
import dev.countersign.analyze.Analyzer;
import dev.countersign.analyze.InputLimits;
import dev.countersign.analyze.json.JsonInput;
import dev.countersign.analyze.json.JsonTree;
import dev.countersign.model.Analysis;
import dev.countersign.model.BlastRadius;
import dev.countersign.model.ChangeKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;

/**
 * Analyses {@code terraform show -json} / {@code tofu show -json} plans, streaming: the top level
 * is read token by token and only one {@code resource_changes} entry at a time is held as a tree,
 * so plan size is bounded by the size limit, not by memory.
 */
final class PlanAnalyzer implements Analyzer {

  /** Top-level keys of which a plan has at least one. */
  private static final Set<String> PLAN_KEYS =
      Set.of(
          "format_version",
          "plan_format_version",
          "terraform_version",
          "resource_changes",
          "planned_values",
          "resource_drift",
          "output_changes",
          "action_invocations",
          "deferred_changes");

  @Override
  public ChangeKind kind() {
    return ChangeKind.TERRAFORM_PLAN;
  }

  @Override
  public Analysis analyze(InputStream content, InputLimits limits) {
    JsonParser p = JsonInput.open(content, limits);
    try (p) {
      PlanFacts facts = readPlan(p);
      return Analysis.of(
          ChangeKind.TERRAFORM_PLAN, facts.actions(), facts.findings(), BlastRadius.none());
    } catch (JacksonException e) {
      throw JsonInput.translate(e, p, limits);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static PlanFacts readPlan(JsonParser p) throws IOException {
    JsonToken first = p.nextToken();
    if (first == null) {
      throw AnalysisException.of(Problem.EMPTY, "the plan is empty");
    }
    if (first != JsonToken.START_OBJECT) {
      throw JsonInput.structure(
          p, "a Terraform plan is a JSON object, but this input starts with " + first.asString());
    }
    PlanFacts facts = new PlanFacts();
    boolean planKeySeen = false;
    boolean stateValues = false;
    String name;
    while ((name = p.nextFieldName()) != null) {
      p.nextToken();
      planKeySeen |= PLAN_KEYS.contains(name);
      stateValues |= name.equals("values");
      readField(p, name, facts);
    }
    if (p.nextToken() != null) {
      throw JsonInput.structure(p, "unexpected content after the end of the plan");
    }
    if (!planKeySeen) {
      throw AnalysisException.of(
          Problem.INVALID_STRUCTURE,
          stateValues
              ? "this is Terraform state (show -json without a plan file), not a plan"
              : "this JSON object is not a Terraform plan: it has none of format_version,"
                  + " terraform_version, resource_changes, planned_values");
    }
    return facts;
  }

  /** Reads one top-level field; the parser is on its value. Unknown fields are skipped. */
  private static void readField(JsonParser p, String name, PlanFacts facts) throws IOException {
    JsonToken value = p.currentToken();
    switch (name) {
      case "resource_changes" -> readResourceChanges(p, facts);
      case "resource_drift" -> facts.drift(countEntries(p));
      case "action_invocations" -> facts.actionInvocations(countEntries(p));
      case "deferred_changes" -> facts.deferred(countEntries(p));
      case "errored" -> facts.errored(value == JsonToken.VALUE_TRUE);
      case "format_version", "plan_format_version" -> {
        if (value == JsonToken.VALUE_STRING) {
          facts.formatVersion(p.getText());
        }
      }
      default -> p.skipChildren();
    }
  }

  private static void readResourceChanges(JsonParser p, PlanFacts facts) throws IOException {
    if (p.currentToken() == JsonToken.VALUE_NULL) {
      return;
    }
    if (p.currentToken() != JsonToken.START_ARRAY) {
      throw JsonInput.structure(p, "resource_changes is not an array");
    }
    int index = 0;
    while (p.nextToken() != JsonToken.END_ARRAY) {
      long line = p.currentTokenLocation().getLineNr();
      JsonTree tree = new JsonTree();
      Object entry = tree.read(p);
      facts.add(ResourceChangeMapper.map(entry, index++, line, tree.lossyNumbers()));
    }
  }

  /** Counts the entries of an array (or the members of an object) without keeping them. */
  private static int countEntries(JsonParser p) throws IOException {
    JsonToken token = p.currentToken();
    if (token != JsonToken.START_ARRAY && token != JsonToken.START_OBJECT) {
      return 0;
    }
    int count = 0;
    JsonToken t;
    while ((t = p.nextToken()) != JsonToken.END_ARRAY && t != JsonToken.END_OBJECT) {
      if (t == JsonToken.FIELD_NAME) {
        t = p.nextToken();
      }
      p.skipChildren();
      count++;
    }
    return count;
  }
}
