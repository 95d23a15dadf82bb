package dev.countersign.analyze.terraform;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.countersign.analyze.InputLimits;
import dev.countersign.analyze.TextDecoding;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Reads corpus plans into plain maps and writes them back with random layout, key order and
 * encoding.
 */
final class RandomJson {

  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  private RandomJson() {}

  @SuppressWarnings("unchecked")
  static Map<String, Object> read(byte[] plan) {
    try {
      String text = TextDecoding.decode(new ByteArrayInputStream(plan), InputLimits.defaults());
      return MAPPER.readValue(text, LinkedHashMap.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The value as JSON text with random whitespace, random key order and random string escapes. */
  static String write(Object value, Random r) {
    StringBuilder out = new StringBuilder();
    write(value, out, r);
    return out.toString();
  }

  /** The text in a random one of UTF-8, UTF-8 with BOM, UTF-16LE with BOM, UTF-16BE with BOM. */
  static byte[] encode(String text, Random r) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    switch (r.nextInt(4)) {
      case 0 -> out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
      case 1 -> {
        out.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
      }
      case 2 -> {
        out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xFE});
        out.writeBytes(text.getBytes(StandardCharsets.UTF_16LE));
      }
      default -> {
        out.writeBytes(new byte[] {(byte) 0xFE, (byte) 0xFF});
        out.writeBytes(text.getBytes(StandardCharsets.UTF_16BE));
      }
    }
    return out.toByteArray();
  }

  private static void write(Object value, StringBuilder out, Random r) {
    switch (value) {
      case null -> out.append("null");
      case Map<?, ?> map -> {
        List<Object> keys = new ArrayList<>(map.keySet());
        Collections.shuffle(keys, r);
        out.append('{');
        for (int i = 0; i < keys.size(); i++) {
          out.append(i > 0 ? "," : "").append(space(r));
          string((String) keys.get(i), out, r);
          out.append(space(r)).append(':').append(space(r));
          write(map.get(keys.get(i)), out, r);
        }
        out.append(space(r)).append('}');
      }
      case List<?> list -> {
        out.append('[');
        for (int i = 0; i < list.size(); i++) {
          out.append(i > 0 ? "," : "").append(space(r));
          write(list.get(i), out, r);
        }
        out.append(space(r)).append(']');
      }
      case String s -> string(s, out, r);
      default -> out.append(value);
    }
  }

  private static String space(Random r) {
    return switch (r.nextInt(6)) {
      case 0 -> " ";
      case 1 -> "\n    ";
      case 2 -> "\t";
      case 3 -> "\r\n  ";
      default -> "";
    };
  }

  private static void string(String s, StringBuilder out, Random r) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\' || c < 0x20 || r.nextInt(30) == 0) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    out.append('"');
  }
}
