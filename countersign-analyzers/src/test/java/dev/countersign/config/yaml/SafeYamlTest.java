package dev.countersign.config.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

class SafeYamlTest {
  private static final Duration QUICKLY = Duration.ofSeconds(2);

  private static YamlNode parse(String text) {
    return SafeYaml.config().parse(text, "t.yaml");
  }

  private static AbstractThrowableAssert<?, ? extends Throwable> refusing(String text) {
    return assertThatThrownBy(() -> parse(text)).isInstanceOf(ConfigException.class);
  }

  @Test
  void nodesRememberLineColumnAndPath() {
    YamlMapping root = parse("a:\n  b: [x, y]\n").asMapping();
    YamlNode y = root.mapping("a").required("b").asSequence().items().get(1);
    assertThat(y.origin()).isEqualTo(new Origin("t.yaml", 2, 10, "a.b[1]"));
  }

  @Test
  void classicAliasBomb_isRefusedQuickly() {
    StringBuilder lol = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
    for (char c = 'b'; c <= 'j'; c++) {
      String prev = "*" + (char) (c - 1);
      lol.append(c)
          .append(": &")
          .append(c)
          .append(" [")
          .append(String.join(",", List.of(prev, prev, prev, prev, prev, prev, prev, prev)))
          .append("]\n");
    }
    assertTimeoutPreemptively(
        QUICKLY,
        () -> refusing(lol.toString()).hasMessageContaining("alias bomb (billion laughs)"));
  }

  @Test
  void moreAliasesThanTheLimit_areRefused() {
    String many = "a: &a x\nb: [" + "*a, ".repeat(50) + "*a]\n";
    refusing(many).hasMessageContaining("t.yaml:2:205: field 'b[50]': more than 50 aliases");
  }

  @Test
  void aliasBombUnderTheAliasCount_isRefusedByExpandedSize() {
    StringBuilder doubling = new StringBuilder("l0: &l0 [x, x]\n");
    for (int i = 1; i <= 24; i++) {
      doubling
          .append("l")
          .append(i)
          .append(": &l")
          .append(i)
          .append(" [*l")
          .append(i - 1)
          .append(", *l")
          .append(i - 1)
          .append("]\n");
    }
    assertTimeoutPreemptively(
        QUICKLY,
        () ->
            refusing(doubling.toString())
                .hasMessageContaining("aliases expand to more than 500000 nodes")
                .hasMessageContaining("billion laughs"));
  }

  @Test
  void aFewAliases_areResolvedToTheAnchoredNode() {
    YamlMapping root = parse("base: &b [staging]\nother: *b\n").asMapping();
    assertThat(root.strings("other")).containsExactly("staging");
  }

  @Test
  void recursiveAlias_isRefused() {
    refusing("a: &a [1, *a]\n").hasMessageContaining("refers to no complete anchor '&a'");
  }

  @Test
  void deepFlowNesting_isRefusedQuickly() {
    String deep = "[".repeat(100_000) + "]".repeat(100_000);
    assertTimeoutPreemptively(
        QUICKLY, () -> refusing(deep).hasMessageContaining("nested deeper than 64 levels"));
  }

  @Test
  void deepBlockNesting_isRefusedWithItsLine() {
    StringBuilder deep = new StringBuilder();
    for (int i = 0; i < 70; i++) {
      deep.append("  ".repeat(i)).append("k").append(i).append(":\n");
    }
    deep.append("  ".repeat(70)).append("v: 1\n");
    ConfigException e = catchConfig(deep.toString());
    assertThat(e.problem()).contains("nested deeper than 64 levels");
    assertThat(e.line()).isEqualTo(65);
  }

  @Test
  void nestingAtTheLimit_isAccepted() {
    String ok = "[".repeat(64) + "]".repeat(64);
    assertThat(parse(ok)).isInstanceOf(YamlSequence.class);
  }

  @Test
  void duplicateKey_isRefusedWithBothLines() {
    ConfigException e = catchConfig("id: a\nname: x\nid: b\n");
    assertThat(e.getMessage())
        .isEqualTo("t.yaml:3:1: field 'id': duplicate key 'id' (first at line 1)");
  }

  @Test
  void customTags_areRefused() {
    refusing("a: !!python/object:os.system x\n").hasMessageContaining("tags such as");
    refusing("a: !custom {b: 1}\n").hasMessageContaining("'!custom' are not allowed");
  }

  @Test
  void nonStringKeys_areRefused() {
    refusing("[a]: 1\n").hasMessageContaining("keys must be plain strings");
    refusing("? {a: 1}\n: 2\n").hasMessageContaining("keys must be plain strings");
  }

  @Test
  void syntaxError_namesItsPosition() {
    ConfigException e = catchConfig("a: b\n  c: d\n");
    assertThat(e.line()).isEqualTo(2);
    assertThat(e.problem()).startsWith("not valid YAML: mapping values are not allowed here");
  }

  @Test
  void controlCharacter_isRefusedWithItsPosition() {
    ConfigException e = catchConfig("a: b\nc: \u0007\n");
    assertThat(e.getMessage()).isEqualTo("t.yaml:2:4: character U+0007 is not allowed in YAML");
  }

  @Test
  void invalidUtf8_isRefusedWithLineColumnAndOffset() {
    byte[] bytes = "a: ok\nb: caf\u00e9 x\n".getBytes(StandardCharsets.UTF_8);
    byte[] bad = new byte[bytes.length];
    System.arraycopy(bytes, 0, bad, 0, bytes.length);
    bad[13] = (byte) 0x28; // é is C3 A9 at offsets 12-13: break its continuation byte
    assertThatThrownBy(() -> SafeYaml.config().parse(bad, "t.yaml"))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("t.yaml:2:7: not valid UTF-8: byte 0xC3 at offset 12");
  }

  @Test
  void utf8ByteOrderMark_isAccepted_butUtf16IsRefused() {
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'a', ':', ' ', '1'};
    assertThat(SafeYaml.config().parse(bom, "t.yaml").asMapping().integer("a")).isEqualTo(1);
    byte[] utf16 = {(byte) 0xFF, (byte) 0xFE, 'a', 0};
    assertThatThrownBy(() -> SafeYaml.config().parse(utf16, "t.yaml"))
        .hasMessageContaining("save it as UTF-8");
  }

  @Test
  void inputOverTheSizeLimit_isRefusedBeforeParsing() {
    SafeYaml small = SafeYaml.withLimits(YamlLimits.CONFIG.withMaxBytes(10));
    assertThatThrownBy(() -> small.parse("a: 0123456789", "t.yaml"))
        .isInstanceOf(ConfigException.class)
        .hasMessage("t.yaml: larger than the limit of 10 bytes");
    assertThatThrownBy(() -> small.parse(new byte[11], "t.yaml"))
        .hasMessage("t.yaml: larger than the limit of 10 bytes");
  }

  @Test
  void emptyDocument_andSecondDocument_areRefusedByParse() {
    refusing("# nothing\n").hasMessage("t.yaml: the document is empty");
    refusing("a: 1\n---\nb: 2\n").hasMessageContaining("t.yaml:3:1: expected one YAML document");
    assertThat(SafeYaml.config().parseAll("a: 1\n---\nb: 2\n", "t.yaml")).hasSize(2);
  }

  @Test
  void unknownField_listsTheExpectedOnes() {
    YamlMapping m = parse("id: a\nlevle: mid\n").asMapping();
    assertThatThrownBy(() -> m.allowOnly("id", "level", "teams"))
        .hasMessage(
            "t.yaml:2:1: field 'levle': unknown field 'levle' (expected one of id, level, teams)");
  }

  @Test
  void missingField_isNamedAtItsMapping() {
    YamlMapping m = parse("x:\n  id: a\n").asMapping().mapping("x");
    assertThatThrownBy(() -> m.string("level"))
        .hasMessage("t.yaml:2:3: field 'x.level': required field is missing");
  }

  @Test
  void nullValue_countsAsAbsent() {
    YamlMapping m = parse("a: ~\nb:\nc: null\n").asMapping();
    assertThat(m.optionalString("a")).isEmpty();
    assertThat(m.has("b")).isFalse();
    assertThatThrownBy(() -> m.string("c")).hasMessageContaining("a value is required here");
  }

  @Test
  void typedReaders_acceptGoodValues() {
    YamlMapping m =
        parse("n: 42\nb: false\nt: 2027-06-30T00:00:00Z\ne: mid\nl: [a, b]\nq: '7'\n").asMapping();
    assertThat(m.integer("n")).isEqualTo(42);
    assertThat(m.bool("b", true)).isFalse();
    assertThat(m.bool("absent", true)).isTrue();
    assertThat(m.instant("t")).isEqualTo(Instant.parse("2027-06-30T00:00:00Z"));
    assertThat(m.enumValue("e", Sample.class, "size")).isEqualTo(Sample.MID);
    assertThat(m.strings("l")).containsExactly("a", "b");
    assertThat(m.string("n")).isEqualTo("42");
    assertThatThrownBy(() -> m.integer("q"))
        .hasMessageContaining("expected a whole number, got the value '7'");
  }

  @Test
  void typedReaders_refuseBadValuesWithTheirField() {
    YamlMapping m = parse("n: 4x\nb: yes\nt: 2027-06-30\ne: huge\nl: a\nm: [a]\n").asMapping();
    assertThatThrownBy(() -> m.integer("n"))
        .hasMessage("t.yaml:1:4: field 'n': expected a whole number, got the value '4x'");
    assertThatThrownBy(() -> m.bool("b", false))
        .hasMessageContaining("field 'b': expected true or false");
    assertThatThrownBy(() -> m.instant("t"))
        .hasMessageContaining("field 't': expected an ISO-8601 instant");
    assertThatThrownBy(() -> m.enumValue("e", Sample.class, "size"))
        .hasMessageContaining("unknown size 'huge' (expected one of small, mid, large)");
    assertThatThrownBy(() -> m.strings("l"))
        .hasMessageContaining("field 'l': expected a list, got the value 'a'");
    assertThatThrownBy(() -> m.mapping("m"))
        .hasMessageContaining("expected a mapping (key: value), got a list");
  }

  @Test
  void controlCharactersInMessages_areEscaped() {
    YamlMapping m = parse("\"a\\u001b[31mb\\nc\": 1\n").asMapping();
    assertThatThrownBy(() -> m.allowOnly("x"))
        .hasMessage(
            "t.yaml:1:1: field 'a\\u001B[31mb\\nc': unknown field 'a\\u001B[31mb\\nc'"
                + " (expected one of x)");
  }

  private enum Sample {
    SMALL,
    MID,
    LARGE
  }

  private static ConfigException catchConfig(String text) {
    try {
      parse(text);
    } catch (ConfigException e) {
      return e;
    }
    throw new AssertionError("expected a ConfigException for:\n" + text);
  }
}
