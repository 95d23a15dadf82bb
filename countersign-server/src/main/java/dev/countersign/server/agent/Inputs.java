package dev.countersign.server.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.countersign.digest.CanonicalJson;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reading tool inputs: typed fields with errors that name them, and canonical hashes. */
final class Inputs {
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");

  private Inputs() {}

  /** A required string field of a tool's input. */
  static String text(ObjectNode input, String field, String tool) {
    JsonNode n = input.get(field);
    if (n == null || !n.isTextual()) {
      throw new ToolCallException(
          "the " + tool + " call has no text field '" + field + "' in tool_input, so Countersign cannot tell what it does");
    }
    return n.textValue();
  }

  /** An optional string field; empty when absent, an error when present with another type. */
  static Optional<String> optionalText(ObjectNode input, String field, String tool) {
    JsonNode n = input.get(field);
    if (n == null || n.isNull()) {
      return Optional.empty();
    }
    if (!n.isTextual()) {
      throw new ToolCallException("the " + tool + " call's tool_input field '" + field + "' is not text");
    }
    return Optional.of(n.textValue());
  }

  /** A required, non-empty array of strings (paths, globs) of a tool's input. */
  static List<String> texts(ObjectNode input, String field, String tool) {
    JsonNode n = input.get(field);
    if (n == null || !n.isArray() || n.isEmpty()) {
      throw new ToolCallException(
          "the " + tool + " call has no list '" + field + "' in tool_input, so Countersign cannot tell what it reads");
    }
    List<String> out = new ArrayList<>(n.size());
    for (JsonNode e : n) {
      if (!e.isTextual()) {
        throw new ToolCallException("the " + tool + " call's tool_input list '" + field + "' holds something that is not text");
      }
      out.add(e.textValue());
    }
    return out;
  }

  /** The input without the model's commentary ({@code description}): what takes effect. */
  static Map<String, Object> effective(ObjectNode input) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : input.properties()) {
      if (!e.getKey().equals("description")) {
        m.put(e.getKey(), plain(e.getValue()));
      }
    }
    return m;
  }

  /** A JSON tree as the plain values {@link CanonicalJson} writes. */
  static Object plain(JsonNode n) {
    if (n.isObject()) {
      Map<String, Object> m = new LinkedHashMap<>();
      n.properties().forEach(e -> m.put(e.getKey(), plain(e.getValue())));
      return m;
    }
    if (n.isArray()) {
      List<Object> l = new ArrayList<>(n.size());
      n.forEach(x -> l.add(plain(x)));
      return l;
    }
    if (n.isTextual()) {
      return n.textValue();
    }
    if (n.isBoolean()) {
      return n.booleanValue();
    }
    if (n.isNumber()) {
      double d = n.doubleValue();
      // A number no double can hold is kept as its text: still canonical, never an error.
      return Double.isFinite(d) ? n.decimalValue() : n.asText();
    }
    return CanonicalJson.NULL;
  }

  /** Hex SHA-256 of the canonical JSON of a plain value. */
  static String hash(Object plain) {
    return CanonicalJson.sha256Hex(plain);
  }

  /** {@code text} cut to {@code max} characters, with an ellipsis when cut. */
  static String abbreviate(String text, int max) {
    String oneLine = WHITESPACE.matcher(text.strip()).replaceAll(" ");
    return oneLine.length() <= max ? oneLine : oneLine.substring(0, max - 1) + "…";
  }
}
