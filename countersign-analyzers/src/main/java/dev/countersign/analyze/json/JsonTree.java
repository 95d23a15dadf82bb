package dev.countersign.analyze.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.countersign.digest.CanonicalJson;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one JSON value from a streaming parser into the plain values {@link CanonicalJson} writes:
 * {@code Map<String, Object>}, {@code List<Object>}, {@code String}, {@code Long}, {@code
 * BigInteger}, {@code Double}, {@code Boolean} and {@link CanonicalJson#NULL}.
 *
 * <p>Canonical JSON writes every number as an IEEE double, so two numbers that differ only beyond
 * double precision would canonicalize alike. A tree remembers the exact text of such numbers in
 * {@link #lossyNumbers()}, so that a digest can cover them too.
 *
 * <p>Nesting is bounded by the parser's constraints (see {@link JsonInput}), so the recursion here
 * is bounded too.
 */
public final class JsonTree {

  private static final long MAX_EXACT_LONG = 1L << 53;

  private final List<String> lossyNumbers = new ArrayList<>();

  /** Numbers read so far that a double cannot hold exactly, in document order, as written. */
  public List<String> lossyNumbers() {
    return lossyNumbers;
  }

  /** Reads the value at the parser's current token; leaves the parser on the value's last token. */
  public Object read(JsonParser p) throws IOException {
    JsonToken token = p.currentToken();
    if (token == null) {
      throw JsonInput.structure(p, "expected a JSON value");
    }
    return switch (token) {
      case START_OBJECT -> readObject(p);
      case START_ARRAY -> readArray(p);
      case VALUE_STRING -> p.getText();
      case VALUE_NUMBER_INT -> integer(p);
      case VALUE_NUMBER_FLOAT -> decimal(p);
      case VALUE_TRUE -> Boolean.TRUE;
      case VALUE_FALSE -> Boolean.FALSE;
      case VALUE_NULL -> CanonicalJson.NULL;
      default -> throw JsonInput.structure(p, "unexpected JSON token " + token);
    };
  }

  private Map<String, Object> readObject(JsonParser p) throws IOException {
    Map<String, Object> map = new LinkedHashMap<>();
    String name;
    while ((name = p.nextFieldName()) != null) {
      p.nextToken();
      map.put(name, read(p));
    }
    return map;
  }

  private List<Object> readArray(JsonParser p) throws IOException {
    List<Object> list = new ArrayList<>();
    while (p.nextToken() != JsonToken.END_ARRAY) {
      list.add(read(p));
    }
    return list;
  }

  private Object integer(JsonParser p) throws IOException {
    if (p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
      BigInteger big = p.getBigIntegerValue();
      lossyNumbers.add(big.toString());
      // Beyond the double range a JSON number has no canonical form: keep its exact text.
      return Double.isInfinite(big.doubleValue()) ? big.toString() : big;
    }
    long value = p.getLongValue();
    if (value > MAX_EXACT_LONG || value < -MAX_EXACT_LONG) {
      lossyNumbers.add(Long.toString(value));
    }
    return value;
  }

  private Object decimal(JsonParser p) throws IOException {
    String text = p.getText();
    double value = Double.parseDouble(text);
    if (Double.isInfinite(value)) {
      lossyNumbers.add(text);
      return text;
    }
    try {
      // compareTo returns early when the magnitudes differ, so huge exponents stay cheap.
      if (new BigDecimal(Double.toString(value)).compareTo(new BigDecimal(text)) != 0) {
        lossyNumbers.add(text);
      }
    } catch (NumberFormatException e) {
      lossyNumbers.add(text);
    }
    return value;
  }
}
