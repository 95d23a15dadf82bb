package dev.countersign.server.hook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Reading and writing the JSON of hook requests and answers, shared by the adapters. */
final class HookJson {
  /** The longest metadata field (session id, cwd, event name, tool name) accepted. */
  static final int MAX_FIELD = 1000;

  private HookJson() {}

  /** The request as a JSON object; a {@link HookPayloadException} when it is not one. */
  static ObjectNode object(ObjectMapper mapper, byte[] body) {
    if (body.length == 0) {
      throw new HookPayloadException("the hook request has no body; expected the hook JSON");
    }
    try {
      StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(body));
    } catch (CharacterCodingException e) {
      throw new HookPayloadException("the hook request is not valid UTF-8");
    }
    return object(mapper, body, "the hook request");
  }

  /** {@code json} (named {@code what} in errors) as a JSON object. */
  static ObjectNode object(ObjectMapper mapper, byte[] json, String what) {
    try {
      JsonNode n = mapper.readTree(json);
      if (n instanceof ObjectNode o) {
        return o;
      }
      throw new HookPayloadException(what + " is not a JSON object");
    } catch (JsonProcessingException e) {
      throw new HookPayloadException(what + " is not valid JSON (" + e.getOriginalMessage() + ")");
    } catch (IOException e) {
      throw new HookPayloadException(what + " could not be read");
    }
  }

  /**
   * The object field {@code name} of {@code root}, sent either as a JSON object or as a string
   * holding one (clients differ, and some versions of one client too).
   */
  static ObjectNode objectField(ObjectMapper mapper, ObjectNode root, String name) {
    JsonNode n = root.get(name);
    if (n instanceof ObjectNode o) {
      return o;
    }
    if (n != null && n.isTextual()) {
      return object(mapper, n.textValue().getBytes(java.nio.charset.StandardCharsets.UTF_8),
          "the hook request's " + name);
    }
    throw new HookPayloadException("the hook request has no " + name + " object");
  }

  /** A short text field; empty when absent and not required. */
  static String field(ObjectNode root, String name, boolean required) {
    JsonNode n = root.get(name);
    if (n == null || n.isNull()) {
      if (required) {
        throw new HookPayloadException("the hook request has no '" + name + "'");
      }
      return "";
    }
    if (!n.isTextual() || n.textValue().length() > MAX_FIELD || (required && n.textValue().isBlank())) {
      throw new HookPayloadException("the hook request's '" + name + "' is not a short text");
    }
    return n.textValue();
  }

  /** A required, non-blank text of any length (a shell command, a JSON argument string). */
  static String text(ObjectNode root, String name) {
    JsonNode n = root.get(name);
    if (n == null || n.isNull()) {
      throw new HookPayloadException("the hook request has no '" + name + "'");
    }
    if (!n.isTextual() || n.textValue().isBlank()) {
      throw new HookPayloadException("the hook request's '" + name + "' is not a non-empty text");
    }
    return n.textValue();
  }

  /** The event name of a request for an error message, at most 40 characters. */
  static String abbreviate(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "…" : s;
  }

  /** {@code value} as JSON bytes. */
  static byte[] write(ObjectMapper mapper, Object value) {
    try {
      return mapper.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot render a hook answer", e);
    }
  }
}
