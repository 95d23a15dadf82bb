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

  /** 2^53: every integer up to this magnitude is exactly a double, and ECMAScript prints its digits. */
  private static final long MAX_EXACT = 1L << 53;

  private CanonicalJson() {}

  /** Writes {@code value} in canonical form; throws {@link IllegalArgumentException} for other types. */
  public static String write(Object value) {
    StringBuilder out = new StringBuilder(256);
    write(value, out);
    return out.toString();
  }

  /** Appends {@code value} in canonical form to {@code out}. */
  public static void write(Object value, StringBuilder out) {
    emit(value, new StringSink(out));
  }

  /**
   * Hex SHA-256 of the UTF-8 canonical form, streamed into the digest: the same value as {@code
   * Digests.sha256Hex(write(value))} without building the text (the hot path of plan analysis).
   */
  public static String sha256Hex(Object value) {
    DigestSink sink = new DigestSink();
    emit(value, sink);
    return java.util.HexFormat.of().formatHex(sink.finish());
  }

  private static void emit(Object value, Sink out) {
    switch (value) {
      case JsonNull n -> out.ascii("null");
      case String s -> writeString(s, out);
      case Boolean b -> out.ascii(b ? "true" : "false");
      case Number n -> out.ascii(number(n));
      case Map<?, ?> m -> writeObject(m, out);
      case List<?> l -> writeArray(l, out);
      default ->
          throw new IllegalArgumentException(
              "cannot canonicalize a " + value.getClass().getName());
    }
  }

  private static void writeObject(Map<?, ?> map, Sink out) {
    String[] keys = new String[map.size()];
    int i = 0;
    for (Object k : map.keySet()) {
      if (!(k instanceof String s)) {
        throw new IllegalArgumentException("object keys must be strings");
      }
      keys[i++] = s;
    }
    // String.compareTo compares UTF-16 code units, exactly what RFC 8785 §3.2.3 asks for.
    java.util.Arrays.sort(keys);
    out.ascii('{');
    for (int k = 0; k < keys.length; k++) {
      if (k > 0) {
        out.ascii(',');
      }
      writeString(keys[k], out);
      out.ascii(':');
      emit(map.get(keys[k]), out);
    }
    out.ascii('}');
  }

  private static void writeArray(List<?> list, Sink out) {
    out.ascii('[');
    for (int i = 0; i < list.size(); i++) {
      if (i > 0) {
        out.ascii(',');
      }
      emit(list.get(i), out);
    }
    out.ascii(']');
  }

  private static void writeString(String s, Sink out) {
    out.ascii('"');
    int run = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 0x20 && c != '"' && c != '\\') {
        continue;
      }
      out.text(s, run, i);
      run = i + 1;
      switch (c) {
        case '"' -> out.ascii("\\\"");
        case '\\' -> out.ascii("\\\\");
        case '\b' -> out.ascii("\\b");
        case '\f' -> out.ascii("\\f");
        case '\n' -> out.ascii("\\n");
        case '\r' -> out.ascii("\\r");
        case '\t' -> out.ascii("\\t");
        default -> out.ascii(String.format("\\u%04x", (int) c));
      }
    }
    out.text(s, run, s.length());
    out.ascii('"');
  }

  /** Where canonical text goes: a StringBuilder, or UTF-8 bytes straight into a digest. */
  private interface Sink {
    void ascii(char c);

    void ascii(String s);

    /** Appends {@code s[from, to)}, which holds no character that needs escaping. */
    void text(String s, int from, int to);
  }

  private record StringSink(StringBuilder out) implements Sink {
    @Override
    public void ascii(char c) {
      out.append(c);
    }

    @Override
    public void ascii(String s) {
      out.append(s);
    }

    @Override
    public void text(String s, int from, int to) {
      out.append(s, from, to);
    }
  }

  /** Encodes UTF-8 as String.getBytes does (a lone surrogate becomes '?') into SHA-256. */
  private static final class DigestSink implements Sink {
    private final java.security.MessageDigest digest = Digests.newSha256();
    private final byte[] buf = new byte[8192];
    private int pos;

    @Override
    public void ascii(char c) {
      if (pos == buf.length) {
        flush();
      }
      buf[pos++] = (byte) c;
    }

    @Override
    public void ascii(String s) {
      for (int i = 0; i < s.length(); i++) {
        ascii(s.charAt(i));
      }
    }

    @Override
    public void text(String s, int from, int to) {
      for (int i = from; i < to; i++) {
        if (pos > buf.length - 4) {
          flush();
        }
        char c = s.charAt(i);
        if (c < 0x80) {
          buf[pos++] = (byte) c;
        } else if (c < 0x800) {
          buf[pos++] = (byte) (0xC0 | (c >> 6));
          buf[pos++] = (byte) (0x80 | (c & 0x3F));
        } else if (Character.isHighSurrogate(c) && i + 1 < to && Character.isLowSurrogate(s.charAt(i + 1))) {
          int cp = Character.toCodePoint(c, s.charAt(++i));
          buf[pos++] = (byte) (0xF0 | (cp >> 18));
          buf[pos++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
          buf[pos++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
          buf[pos++] = (byte) (0x80 | (cp & 0x3F));
        } else if (Character.isSurrogate(c)) {
          buf[pos++] = '?';
        } else {
          buf[pos++] = (byte) (0xE0 | (c >> 12));
          buf[pos++] = (byte) (0x80 | ((c >> 6) & 0x3F));
          buf[pos++] = (byte) (0x80 | (c & 0x3F));
        }
      }
    }

    private void flush() {
      digest.update(buf, 0, pos);
      pos = 0;
    }

    byte[] finish() {
      flush();
      return digest.digest();
    }
  }

  /** Formats a number as ECMAScript's Number.prototype.toString does (RFC 8785 §3.2.2.3). */
  static String number(Number n) {
    // Fast path for the common case: integers that a double holds exactly print as their digits.
    if ((n instanceof Long || n instanceof Integer || n instanceof Short || n instanceof Byte)
        && n.longValue() >= -MAX_EXACT
        && n.longValue() <= MAX_EXACT) {
      return Long.toString(n.longValue());
    }
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
    if (Math.abs(d) <= MAX_EXACT && d == Math.rint(d)) {
      return Long.toString((long) d);
    }
    return ecmaScript(d);
  }

  /** The general ECMAScript algorithm, for any finite non-zero double. */
  static String ecmaScript(double d) {
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
