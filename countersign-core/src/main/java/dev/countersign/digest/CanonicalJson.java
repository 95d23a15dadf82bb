package dev.countersign.digest;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * RFC 8785 (JSON Canonicalization Scheme) writer over plain Java values.
 *
 * <p>Accepts {@code Map<String, ?>}, {@code List<?>}, {@code String}, {@code Boolean}, {@code
 * Number} and {@link #NULL}. Object members are sorted by UTF-16 code units; numbers are written as
 * ECMAScript writes doubles, so {@code 1}, {@code 1.0} and {@code 1e0} all canonicalize to {@code
 * 1}. The core has no JSON library on purpose: adapters convert their trees into these values.
 */
public final class CanonicalJson {

  /** The JSON {@code null} value (the core keeps Java nulls out of its APIs). */
  public static final Object NULL = JsonNull.INSTANCE;

  private enum JsonNull {
    INSTANCE
  }

  private CanonicalJson() {}

  /** Writes {@code value} in canonical form; throws {@link IllegalArgumentException} for other types. */
  public static String write(Object value) {
    StringBuilder out = new StringBuilder(64);
    write(value, out);
    return out.toString();
  }

  /** Appends {@code value} in canonical form to {@code out}. */
  public static void write(Object value, StringBuilder out) {
    switch (value) {
      case JsonNull n -> out.append("null");
      case String s -> writeString(s, out);
      case Boolean b -> out.append(b ? "true" : "false");
      case Number n -> out.append(number(n));
      case Map<?, ?> m -> writeObject(m, out);
      case List<?> l -> writeArray(l, out);
      default ->
          throw new IllegalArgumentException(
              "cannot canonicalize a " + value.getClass().getName());
    }
  }

  private static void writeObject(Map<?, ?> map, StringBuilder out) {
    List<String> keys = new ArrayList<>(map.size());
    for (Object k : map.keySet()) {
      if (!(k instanceof String s)) {
        throw new IllegalArgumentException("object keys must be strings");
      }
      keys.add(s);
    }
    // String.compareTo compares UTF-16 code units, exactly what RFC 8785 §3.2.3 asks for.
    keys.sort(String::compareTo);
    out.append('{');
    boolean first = true;
    for (String k : keys) {
      if (!first) {
        out.append(',');
      }
      first = false;
      writeString(k, out);
      out.append(':');
      write(map.get(k), out);
    }
    out.append('}');
  }

  private static void writeArray(List<?> list, StringBuilder out) {
    out.append('[');
    for (int i = 0; i < list.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      write(list.get(i), out);
    }
    out.append(']');
  }

  private static void writeString(String s, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  /** Formats a number as ECMAScript's Number.prototype.toString does (RFC 8785 §3.2.2.3). */
  static String number(Number n) {
    double d =
        switch (n) {
          case BigDecimal b -> b.doubleValue();
          case BigInteger b -> b.doubleValue();
          default -> n.doubleValue();
        };
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      throw new IllegalArgumentException("NaN and Infinity are not JSON numbers");
    }
    if (d == 0) {
      return "0";
    }
    // Since JDK 19, Double.toString yields the shortest decimal that round-trips, as ECMAScript does.
    double abs = Math.abs(d);
    BigDecimal exact = new BigDecimal(Double.toString(abs)).stripTrailingZeros();
    if (exact.precision() == 2) {
      // Double.toString never prints fewer than two significant digits ("4.9E-324"), while
      // ECMAScript prints one when one round-trips ("5e-324").
      BigDecimal one = exact.round(new java.math.MathContext(1, java.math.RoundingMode.HALF_EVEN));
      if (one.doubleValue() == abs) {
        exact = one.stripTrailingZeros();
      }
    }
    String digits = exact.unscaledValue().toString();
    int k = digits.length();
    int exp = k - exact.scale(); // value = 0.digits × 10^exp
    String body;
    if (k <= exp && exp <= 21) {
      body = digits + "0".repeat(exp - k);
    } else if (0 < exp && exp <= 21) {
      body = digits.substring(0, exp) + "." + digits.substring(exp);
    } else if (-6 < exp && exp <= 0) {
      body = "0." + "0".repeat(-exp) + digits;
    } else {
      int e = exp - 1;
      String mantissa = k == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
      body = mantissa + "e" + (e < 0 ? "-" : "+") + Math.abs(e);
    }
    return d < 0 ? "-" + body : body;
  }
}
