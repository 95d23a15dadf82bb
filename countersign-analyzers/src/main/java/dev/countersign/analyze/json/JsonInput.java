package dev.countersign.analyze.json;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import dev.countersign.analyze.AnalysisException;
import dev.countersign.analyze.AnalysisException.Problem;
import dev.countersign.analyze.InputLimits;
import dev.countersign.analyze.TextDecoding;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Opens streaming JSON parsers over analyser input, bounded by {@link InputLimits}, and turns
 * Jackson's errors into {@link AnalysisException}s that name the problem and its line and column.
 *
 * <p>Parsers reject duplicate object keys: a document in which one key means two things is
 * ambiguous, and an ambiguity is where a reviewer and the tool that applies a change can disagree.
 */
public final class JsonInput {

  private JsonInput() {}

  /** A parser over decoded text (UTF-8 or UTF-16 with BOM), within the limits. */
  public static JsonParser open(InputStream in, InputLimits limits) {
    try {
      return factory(limits).createParser(TextDecoding.reader(in, limits));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonFactory factory(InputLimits limits) {
    StreamReadConstraints constraints =
        StreamReadConstraints.builder()
            .maxNestingDepth(limits.maxDepth())
            .maxStringLength((int) Math.min(Integer.MAX_VALUE, limits.maxBytes()))
            .build();
    return JsonFactory.builder()
        .streamReadConstraints(constraints)
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .build();
  }

  /** The analysis error for a Jackson parse error, with the line and column where it happened. */
  public static AnalysisException translate(JacksonException e, JsonParser p, InputLimits limits) {
    JsonLocation at = e.getLocation();
    if (at == null || at.getLineNr() <= 0) {
      at = p.currentLocation(); // constraint violations carry no location of their own
    }
    long line = at == null ? -1 : at.getLineNr();
    long column = at == null ? -1 : at.getColumnNr();
    String original = String.valueOf(e.getOriginalMessage());
    if (e instanceof StreamConstraintsException) {
      if (original.contains("nesting depth")) {
        return AnalysisException.at(
            Problem.TOO_DEEP,
            "JSON nests deeper than the limit of " + limits.maxDepth() + " levels",
            line,
            column,
            e);
      }
      return AnalysisException.at(
          Problem.TOO_LARGE, "JSON value too large: " + firstLine(original), line, column, e);
    }
    if (original.startsWith("Duplicate field")) {
      return AnalysisException.at(
          Problem.DUPLICATE_KEY,
          "JSON object has a duplicate key " + quoted(original) + ", so its meaning is ambiguous",
          line,
          column,
          e);
    }
    if (e instanceof JsonEOFException) {
      return AnalysisException.at(
          Problem.MALFORMED, "JSON ends unexpectedly (truncated input?)", line, column, e);
    }
    return AnalysisException.at(
        Problem.MALFORMED, "malformed JSON: " + firstLine(original), line, column, e);
  }

  /** The error for a well-formed document of the wrong shape, at the parser's current position. */
  public static AnalysisException structure(JsonParser p, String message) {
    JsonLocation at = p.currentTokenLocation();
    return AnalysisException.at(
        Problem.INVALID_STRUCTURE, message, at.getLineNr(), at.getColumnNr(), null);
  }

  private static String quoted(String duplicateMessage) {
    int start = duplicateMessage.indexOf('\'');
    int end = duplicateMessage.indexOf('\'', start + 1);
    return start >= 0 && end > start ? duplicateMessage.substring(start, end + 1) : "";
  }

  private static String firstLine(String message) {
    int nl = message.indexOf('\n');
    String line = nl < 0 ? message : message.substring(0, nl);
    return line.length() > 200 ? line.substring(0, 200) + "..." : line;
  }
}
