package dev.countersign.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class CanonicalJsonTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "0, 0",
    "-0.0, 0",
    "1, 1",
    "1.0, 1",
    "4.50, 4.5",
    "2e-3, 0.002",
    "1E30, 1e+30",
    "1e21, 1e+21",
    "1e20, 100000000000000000000",
    "0.000001, 0.000001",
    "1e-7, 1e-7",
    "1e-27, 1e-27",
    "333333333.33333329, 333333333.3333333",
    "5e-324, 5e-324",
    "1.7976931348623157e308, 1.7976931348623157e+308",
    "9007199254740992, 9007199254740992",
    "295147905179352825856, 295147905179352830000",
    "-1.5, -1.5",
    "123.456e-10, 1.23456e-8"
  })
  void numbersAreWrittenAsEcmaScriptWritesThem(String input, String expected) {
    assertThat(CanonicalJson.number(new BigDecimal(input))).isEqualTo(expected);
  }

  @Test
  void integerFastPath_agreesWithTheGeneralAlgorithm() {
    long seed = new java.util.Random().nextLong();
    java.util.Random random = new java.util.Random(seed);
    for (int i = 0; i < 100_000; i++) {
      long v =
          switch (i % 4) {
            case 0 -> random.nextInt(2000) - 1000;
            case 1 -> random.nextLong() >> random.nextInt(64);
            case 2 -> (1L << 53) - random.nextInt(3) + 1;
            default -> random.nextLong();
          };
      if (v == 0) {
        continue;
      }
      assertThat(CanonicalJson.number(v)).as("seed=%d value=%d", seed, v).isEqualTo(CanonicalJson.ecmaScript((double) v));
      double d = Double.longBitsToDouble(random.nextLong());
      if (Double.isFinite(d) && d != 0) {
        assertThat(CanonicalJson.number(d)).as("seed=%d value=%s", seed, d).isEqualTo(CanonicalJson.ecmaScript(d));
      }
    }
    assertThat(CanonicalJson.number(Long.MIN_VALUE)).isEqualTo("-9223372036854776000");
  }

  @Test
  void streamedDigest_equalsTheDigestOfTheCanonicalText() {
    long seed = new java.util.Random().nextLong();
    java.util.Random random = new java.util.Random(seed);
    for (int i = 0; i < 2_000; i++) {
      Object value = randomValue(random, 0);
      assertThat(CanonicalJson.sha256Hex(value))
          .as("seed=%d value=%s", seed, value)
          .isEqualTo(Digests.sha256Hex(CanonicalJson.write(value)));
    }
  }

  private static Object randomValue(java.util.Random r, int depth) {
    int pick = depth > 3 ? r.nextInt(4) : r.nextInt(6);
    return switch (pick) {
      case 0 -> randomString(r);
      case 1 -> r.nextBoolean() ? (Object) r.nextLong() : (Object) (r.nextDouble() * 1e6);
      case 2 -> r.nextBoolean();
      case 3 -> CanonicalJson.NULL;
      case 4 -> {
        java.util.List<Object> list = new java.util.ArrayList<>();
        for (int k = r.nextInt(4); k > 0; k--) {
          list.add(randomValue(r, depth + 1));
        }
        yield list;
      }
      default -> {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int k = r.nextInt(4); k > 0; k--) {
          m.put(randomString(r), randomValue(r, depth + 1));
        }
        yield m;
      }
    };
  }

  private static String randomString(java.util.Random r) {
    StringBuilder sb = new StringBuilder();
    for (int k = r.nextInt(12); k > 0; k--) {
      sb.append(
          switch (r.nextInt(6)) {
            case 0 -> (char) r.nextInt(0x20);
            case 1 -> (char) (0xD800 + r.nextInt(0x800)); // lone or paired surrogates
            case 2 -> (char) (0x80 + r.nextInt(0x780));
            case 3 -> (char) (0x800 + r.nextInt(0xD000));
            case 4 -> "\"\\".charAt(r.nextInt(2));
            default -> (char) (0x20 + r.nextInt(0x5F));
          });
    }
    if (r.nextInt(5) == 0) {
      sb.append("\ud83d\ude00");
    }
    return sb.toString();
  }

  @Test
  void integerTypesAndDoublesOfTheSameValueCanonicalizeAlike() {
    assertThat(CanonicalJson.write(List.of(7, 7L, 7.0, new BigDecimal("7.000"))))
        .isEqualTo("[7,7,7,7]");
  }

  @Test
  void objectMembersAreSortedByUtf16CodeUnits() {
    // The RFC 8785 §3.2.3 sorting example: code units, not code points or locale order.
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("\u20ac", "Euro Sign");
    m.put("\r", "Carriage Return");
    m.put("\ufb33", "Hebrew Letter Dalet With Dagesh");
    m.put("1", "One");
    m.put("\ud83d\ude00", "Emoji: Grinning Face");
    m.put("\u0080", "Control");
    m.put("\u00f6", "Latin Small Letter O With Diaeresis");
    assertThat(CanonicalJson.write(m))
        .isEqualTo(
            "{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\u0080\":\"Control\","
                + "\"\u00f6\":\"Latin Small Letter O With Diaeresis\",\"\u20ac\":\"Euro Sign\","
                + "\"\ud83d\ude00\":\"Emoji: Grinning Face\",\"\ufb33\":\"Hebrew Letter Dalet With Dagesh\"}");
  }

  @Test
  void stringsEscapeOnlyWhatTheRfcRequires() {
    assertThat(CanonicalJson.write("\u20ac$\u000f\nA'B\"\\\"/"))
        .isEqualTo("\"\u20ac$\\u000f\\nA'B\\\"\\\\\\\"/\"");
  }

  @Test
  void nullAndBooleansAndNesting() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("b", List.of(true, false, CanonicalJson.NULL));
    m.put("a", Map.of("z", 1, "y", "x"));
    assertThat(CanonicalJson.write(m)).isEqualTo("{\"a\":{\"y\":\"x\",\"z\":1},\"b\":[true,false,null]}");
  }

  @Test
  void nonJsonValuesAreRefused() {
    assertThatThrownBy(() -> CanonicalJson.write(Double.NaN))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CanonicalJson.write(new Object()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
