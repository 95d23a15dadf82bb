package dev.countersign.analyze.cloudformation;

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

/**
 * Analyses {@code DescribeChangeSet} output, streaming: the top level is read token by token and
 * only one {@code Changes} entry at a time is held as a tree.
 */
final class ChangeSetAnalyzer implements Analyzer {

  @Override
  public ChangeKind kind() {
    return ChangeKind.CLOUDFORMATION_CHANGESET;
  }

  @Override
  public Analysis analyze(InputStream content, InputLimits limits) {
    JsonParser p = JsonInput.open(content, limits);
    try (p) {
      ChangeSetFacts facts = readChangeSet(p, limits);
      return Analysis.of(kind(), facts.actions(), facts.findings(), BlastRadius.none());
    } catch (JacksonException e) {
      throw JsonInput.translate(e, p, limits);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ChangeSetFacts readChangeSet(JsonParser p, InputLimits limits) throws IOException {
    JsonToken first = p.nextToken();
    if (first == null) {
      throw AnalysisException.of(Problem.EMPTY, "the change set is empty");
    }
    if (first != JsonToken.START_OBJECT) {
      throw JsonInput.structure(
          p, "a CloudFormation change set is a JSON object, but this input starts with " + first);
    }
    ChangeSetFacts facts = new ChangeSetFacts();
    boolean changesSeen = false;
    String name;
    while ((name = p.nextFieldName()) != null) {
      p.nextToken();
      switch (name) {
        case "Changes" -> {
          readChanges(p, facts, limits);
          changesSeen = true;
        }
        case "NextToken" -> refusePage(p);
        case "Status" -> facts.status(text(p));
        case "StatusReason" -> facts.statusReason(text(p));
        default -> p.skipChildren();
      }
    }
    if (p.nextToken() != null) {
      throw JsonInput.structure(p, "unexpected content after the end of the change set");
    }
    if (!changesSeen) {
      throw AnalysisException.of(
          Problem.INVALID_STRUCTURE,
          "this JSON object is not a CloudFormation change set (describe-change-set output): it"
              + " has no Changes list");
    }
    return facts;
  }

  private static void readChanges(JsonParser p, ChangeSetFacts facts, InputLimits limits)
      throws IOException {
    if (p.currentToken() == JsonToken.VALUE_NULL) {
      return;
    }
    if (p.currentToken() != JsonToken.START_ARRAY) {
      throw JsonInput.structure(p, "Changes is not a list");
    }
    int index = 0;
    while (p.nextToken() != JsonToken.END_ARRAY) {
      long line = p.currentTokenLocation().getLineNr();
      JsonTree tree = new JsonTree();
      Object entry = tree.read(p);
      ResourceChangeMapper.map(entry, new Where(index++, line), tree.lossyNumbers(), limits, facts);
    }
  }

  /** A page of a paginated answer would let the unseen pages through with the approval. */
  private static void refusePage(JsonParser p) throws IOException {
    if (p.currentToken() == JsonToken.VALUE_STRING && !p.getText().isEmpty()) {
      throw JsonInput.structure(
          p,
          "this is one page of a longer change set (NextToken is set); merge the Changes of every"
              + " page into one document so that the whole change set is reviewed");
    }
    p.skipChildren();
  }

  private static String text(JsonParser p) throws IOException {
    if (p.currentToken() == JsonToken.VALUE_STRING) {
      return p.getText();
    }
    p.skipChildren();
    return "";
  }
}
