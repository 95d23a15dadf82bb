package dev.countersign.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Strict JSON for request bodies (unknown fields, trailing tokens, deep nesting, invalid UTF-8 are
 * errors that name the problem) and plain JSON for responses.
 */
public final class JsonCodec {
  private static final int MAX_DEPTH = 64;
  private final ObjectMapper mapper;

  public JsonCodec(long maxStringLength) {
    JsonFactory factory =
        JsonFactory.builder()
            .streamReadConstraints(
                StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_DEPTH)
                    .maxStringLength((int) Math.min(Integer.MAX_VALUE, maxStringLength))
                    .build())
            .build();
    this.mapper =
        JsonMapper.builder(factory)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();
  }

  /** Parses a request body into {@code type}; any problem is a 400 naming it. */
  public <T> T read(byte[] body, Class<T> type) {
    if (body.length == 0) {
      throw ApiException.badRequest("the request has no body; send a JSON object");
    }
    try {
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(body));
    } catch (CharacterCodingException e) {
      throw ApiException.badRequest("the request body is not valid UTF-8");
    }
    try {
      return mapper.readValue(body, type);
    } catch (com.fasterxml.jackson.core.exc.StreamConstraintsException e) {
      throw ApiException.badRequest("the request is over a limit: " + e.getOriginalMessage());
    } catch (UnrecognizedPropertyException e) {
      throw ApiException.badRequest(
          "unknown field '" + e.getPropertyName() + "' (expected one of " + e.getKnownPropertyIds() + ")");
    } catch (JsonProcessingException e) {
      throw ApiException.badRequest("malformed JSON: " + e.getOriginalMessage() + location(e));
    } catch (IOException e) {
      throw ApiException.badRequest("unreadable request body: " + e.getMessage());
    }
  }

  private static String location(JsonProcessingException e) {
    return e.getLocation() == null
        ? ""
        : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
  }

  /** Writes a value as compact JSON bytes. */
  public byte[] write(Object value) {
    try {
      return mapper.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot render JSON", e);
    }
  }

  /** Writes a value as compact JSON text. */
  public String writeString(Object value) {
    return new String(write(value), StandardCharsets.UTF_8);
  }

  /** The underlying mapper, for reading stored documents back. */
  public ObjectMapper mapper() {
    return mapper;
  }
}
