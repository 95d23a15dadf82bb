package dev.countersign.analyze.kubernetes;

import dev.countersign.analyze.AnalysisException;
import dev.countersign.analyze.AnalysisException.Problem;
import dev.countersign.config.yaml.YamlMapping;
import dev.countersign.config.yaml.YamlNode;
import dev.countersign.config.yaml.YamlScalar;
import dev.countersign.config.yaml.YamlSequence;
import dev.countersign.digest.CanonicalJson;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Converts a YAML node into the plain values a JSON document would give, typing plain scalars by
 * the YAML 1.2 core schema: null, booleans, integers (decimal, {@code 0o} octal, {@code 0x} hex)
 * and floats; everything else, and every quoted scalar, is a string. {@code .inf} and {@code .nan}
 * stay strings, since JSON has no such numbers. Numbers a double cannot hold exactly are remembered
 * as written, as {@code JsonTree} does for JSON.
 *
 * <p>The recursion is bounded by the reader's depth limit and the work by its expanded-node limit.
 */
final class YamlValues {

  private static final Pattern DECIMAL = Pattern.compile("[-+]?[0-9]+");
  private static final Pattern OCTAL = Pattern.compile("0o[0-7]+");
  private static final Pattern HEX = Pattern.compile("0x[0-9a-fA-F]+");
  private static final Pattern FLOAT =
      Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");
  private static final int MAX_NUMBER_CHARS = 1000;
  private static final int EXACT_BITS = 53;
  private static final int FINITE_BITS = 1023;

  private final List<String> exactNumbers = new ArrayList<>();

  /** Numbers converted so far that a double cannot hold exactly, as written. */
  List<String> exactNumbers() {
    return exactNumbers;
  }

  /** The plain value of a node. */
  Object plain(YamlNode node) {
    return switch (node) {
      case YamlScalar s -> scalar(s);
      case YamlSequence s -> {
        List<Object> items = new ArrayList<>(s.items().size());
        for (YamlNode item : s.items()) {
          items.add(plain(item));
        }
        yield items;
      }
      case YamlMapping m -> mapping(m);
    };
  }

  private Map<String, Object> mapping(YamlMapping m) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (Map.Entry<String, YamlNode> e : m.values().entrySet()) {
      if (e.getKey().equals("<<")) {
        var at = m.keys().get("<<");
        throw AnalysisException.at(
            Problem.INVALID_STRUCTURE,
            "YAML merge keys ('<<') are not supported: Kubernetes would merge what a reviewer reads"
                + " as one key; write the fields out",
            at == null ? m.origin().line() : at.line(),
            at == null ? m.origin().column() : at.column(),
            null);
      }
      values.put(e.getKey(), plain(e.getValue()));
    }
    return values;
  }

  private Object scalar(YamlScalar s) {
    if (!s.plain()) {
      return s.value();
    }
    if (s.isNull()) {
      return CanonicalJson.NULL;
    }
    String text = s.value();
    return switch (text) {
      case "true", "True", "TRUE" -> Boolean.TRUE;
      case "false", "False", "FALSE" -> Boolean.FALSE;
      default -> text.length() > MAX_NUMBER_CHARS ? text : number(text);
    };
  }

  private Object number(String text) {
    if (DECIMAL.matcher(text).matches()) {
      return integer(new BigInteger(text), text);
    }
    if (OCTAL.matcher(text).matches()) {
      return integer(new BigInteger(text.substring(2), 8), text);
    }
    if (HEX.matcher(text).matches()) {
      return integer(new BigInteger(text.substring(2), 16), text);
    }
    if (FLOAT.matcher(text).matches()) {
      return decimal(text);
    }
    return text;
  }

  private Object integer(BigInteger value, String text) {
    if (value.bitLength() <= EXACT_BITS) {
      return value.longValue();
    }
    exactNumbers.add(text);
    return value.bitLength() <= FINITE_BITS ? value : text;
  }

  private Object decimal(String text) {
    double value = Double.parseDouble(text);
    if (Double.isInfinite(value)) {
      exactNumbers.add(text);
      return text;
    }
    try {
      // compareTo returns early when the magnitudes differ, so huge exponents stay cheap.
      if (new BigDecimal(Double.toString(value)).compareTo(new BigDecimal(text)) != 0) {
        exactNumbers.add(text);
      }
    } catch (NumberFormatException e) {
      exactNumbers.add(text);
    }
    return value;
  }
}
