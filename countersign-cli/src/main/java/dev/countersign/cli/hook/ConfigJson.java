package dev.countersign.cli.hook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.countersign.cli.InputError;

/**
 * The JSON helpers every agent's hook file shares: parse strictly (an agent loads no hooks from a
 * file it cannot parse, so Countersign refuses to guess), render indented, and reach into objects
 * and arrays without overwriting a field of another type.
 */
final class ConfigJson {
  static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private ConfigJson() {}

  /** Parses a hook file's text; an input error naming {@code source} when it is not one JSON object. */
  static ObjectNode parse(String text, String source, String client) {
    try {
      JsonNode n = JSON.readTree(text);
      if (n instanceof ObjectNode o) {
        return o;
      }
      throw new InputError(source + " is not a JSON object; fix it first (" + client + " loads no hooks from it); nothing was changed");
    } catch (JsonProcessingException e) {
      throw new InputError(source + " is not valid JSON (" + e.getOriginalMessage() + "); fix it first: " + client
          + " silently loads no hooks from a file it cannot parse; nothing was changed");
    }
  }

  /** Renders a hook file as indented JSON text. */
  static String render(ObjectNode settings) {
    try {
      return JSON.writeValueAsString(settings) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot render hook settings", e);
    }
  }

  static boolean contains(JsonNode array, String value) {
    for (JsonNode n : array) {
      if (n.asText().equals(value)) {
        return true;
      }
    }
    return false;
  }

  static void addOnce(ArrayNode array, String value) {
    if (!contains(array, value)) {
      array.add(value);
    }
  }

  /** The object in {@code field}, created when absent; an input error when the field is something else. */
  static ObjectNode object(ObjectNode parent, String field) {
    JsonNode n = parent.get(field);
    if (n == null || n.isNull()) {
      return parent.putObject(field);
    }
    if (n instanceof ObjectNode o) {
      return o;
    }
    throw new InputError("settings field '" + field + "' is not an object; fix it first");
  }

  /** The array in {@code field}, created when absent; an input error when the field is something else. */
  static ArrayNode array(ObjectNode parent, String field) {
    JsonNode n = parent.get(field);
    if (n == null || n.isNull()) {
      return parent.putArray(field);
    }
    if (n instanceof ArrayNode a) {
      return a;
    }
    throw new InputError("settings field '" + field + "' is not an array; fix it first");
  }
}
