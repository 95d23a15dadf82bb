package dev.countersign.analyze;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.countersign.analyze.AnalysisException.Problem;
import dev.countersign.analyze.shell.ShellCommands;
import dev.countersign.analyze.terraform.TerraformPlans;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Hostile or broken input gets a typed error naming the problem, and nothing else. */
class BadInputTest {

  private static final String PLAN_HEAD =
      "{\"format_version\":\"1.2\",\"resource_changes\":[],\"x\":\"";

  private static AnalysisException plan(byte[] bytes, InputLimits limits) {
    return catchAnalysis(() -> TerraformPlans.analyzer().analyze(bytes, limits));
  }

  private static AnalysisException catchAnalysis(ThrowingCallable call) {
    Throwable t = org.assertj.core.api.Assertions.catchThrowable(call);
    assertThat(t).isInstanceOf(AnalysisException.class);
    return (AnalysisException) t;
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  @ParameterizedTest
  @ValueSource(strings = {"C328", "C0AF", "EDA080", "F4908080", "E282", "FF"})
  void invalidUtf8_isRejectedWithItsByteOffset(String hex) {
    byte[] head = PLAN_HEAD.getBytes(StandardCharsets.UTF_8);
    byte[] bad = java.util.HexFormat.of().parseHex(hex);
    AnalysisException e =
        plan(concat(head, bad, "\"}".getBytes(StandardCharsets.UTF_8)), InputLimits.defaults());
    assertThat(e.problem()).isEqualTo(Problem.INVALID_ENCODING);
    assertThat(e.getMessage()).contains("not valid UTF-8");
    assertThat(e.byteOffset()).hasValue(head.length);
  }

  @Test
  void invalidUtf8InAShellCommand_isRejected() {
    byte[] bytes =
        concat("rm -rf ".getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xC3, 0x28});
    AnalysisException e =
        catchAnalysis(() -> ShellCommands.analyzer().analyze(bytes, InputLimits.defaults()));
    assertThat(e.problem()).isEqualTo(Problem.INVALID_ENCODING);
  }

  @Test
  void unpairedUtf16Surrogate_isRejected() {
    byte[] text = "{\"format_version\":\"1.2\",\"x\":\"".getBytes(StandardCharsets.UTF_16LE);
    byte[] bytes =
        concat(
            new byte[] {(byte) 0xFF, (byte) 0xFE},
            text,
            new byte[] {0x00, (byte) 0xD8, 0x41, 0x00});
    assertThat(plan(bytes, InputLimits.defaults()).problem()).isEqualTo(Problem.INVALID_ENCODING);
  }

  @Test
  void utf32_isRejectedAsUnsupported() {
    byte[] bytes =
        concat(
            new byte[] {(byte) 0xFF, (byte) 0xFE, 0, 0},
            "{".getBytes(java.nio.charset.Charset.forName("UTF-32LE")));
    AnalysisException e = plan(bytes, InputLimits.defaults());
    assertThat(e.problem()).isEqualTo(Problem.INVALID_ENCODING);
    assertThat(e.getMessage()).contains("UTF-32");
  }

  @Test
  void utf16WithoutByteOrderMark_isRejectedWithAHint() {
    AnalysisException e =
        plan(
            "{\"format_version\":\"1.2\"}".getBytes(StandardCharsets.UTF_16LE),
            InputLimits.defaults());
    assertThat(e.problem()).isEqualTo(Problem.INVALID_ENCODING);
    assertThat(e.getMessage()).contains("byte-order mark");
  }

  @Test
  void nesting10000Deep_isRejectedAsTooDeep() {
    String deep =
        "{\"format_version\":\"1.2\",\"x\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}";
    AnalysisException e = plan(deep.getBytes(StandardCharsets.UTF_8), InputLimits.defaults());
    assertThat(e.problem()).isEqualTo(Problem.TOO_DEEP);
    assertThat(e.getMessage()).contains("64");
    assertThat(e.line()).isPresent();
  }

  @Test
  void nestingWithinAResourceChange_isBoundedToo() {
    String deep =
        "{\"format_version\":\"1.2\",\"resource_changes\":[{\"change\":"
            + "{\"a\":".repeat(100)
            + "1"
            + "}".repeat(100)
            + "}]}";
    assertThat(plan(deep.getBytes(StandardCharsets.UTF_8), InputLimits.defaults()).problem())
        .isEqualTo(Problem.TOO_DEEP);
  }

  @Test
  void nestingLimit_isConfigurable() {
    String plan = "{\"format_version\":\"1.2\",\"x\":[[[[1]]]]}";
    assertThat(
            plan(plan.getBytes(StandardCharsets.UTF_8), InputLimits.defaults().withMaxDepth(3))
                .problem())
        .isEqualTo(Problem.TOO_DEEP);
  }

  @Test
  void overTheSizeLimit_isRejectedBeforeParsing() {
    byte[] bytes =
        ("{\"format_version\":\"1.2\",\"x\":\"" + "a".repeat(2000) + "\"}")
            .getBytes(StandardCharsets.UTF_8);
    AnalysisException e = plan(bytes, InputLimits.defaults().withMaxBytes(1000));
    assertThat(e.problem()).isEqualTo(Problem.TOO_LARGE);
    assertThat(e.getMessage()).contains("1000 bytes");
  }

  @Test
  void overTheSizeLimit_isRejectedWhileStreaming() {
    InputStream endless =
        new InputStream() {
          @Override
          public int read() {
            return ' ';
          }
        };
    AnalysisException e =
        catchAnalysis(
            () ->
                TerraformPlans.analyzer()
                    .analyze(endless, InputLimits.defaults().withMaxBytes(1 << 20)));
    assertThat(e.problem()).isEqualTo(Problem.TOO_LARGE);
  }

  @Test
  void hugeShellCommand_isRejected() {
    byte[] bytes = ("echo " + "a".repeat(2 * 1024 * 1024)).getBytes(StandardCharsets.UTF_8);
    assertThat(
            catchAnalysis(() -> ShellCommands.analyzer().analyze(bytes, InputLimits.defaults()))
                .problem())
        .isEqualTo(Problem.TOO_LARGE);
  }

  @Test
  void binaryJunk_isATypedErrorForEveryAnalyser() {
    long seed = System.nanoTime();
    System.out.println("BadInputTest.binaryJunk seed=" + seed);
    Random random = new Random(seed);
    for (int i = 0; i < 200; i++) {
      // At least 64 bytes: a shorter draw can be printable text that is a valid command ("$").
      byte[] junk = new byte[random.nextInt(64, 4096)];
      random.nextBytes(junk);
      for (Analyzer analyzer :
          java.util.List.of(TerraformPlans.analyzer(), ShellCommands.analyzer())) {
        assertThatThrownBy(() -> analyzer.analyze(junk, InputLimits.defaults()))
            .as("seed=%d iteration=%d analyzer=%s", seed, i, analyzer.kind())
            .isInstanceOf(AnalysisException.class);
      }
      assertThatThrownBy(() -> Analyzers.standard().analyze(junk, InputLimits.defaults()))
          .as("seed=%d iteration=%d", seed, i)
          .isInstanceOf(AnalysisException.class);
    }
  }

  @Test
  void emptyInput_isEmpty() {
    assertThat(plan(new byte[0], InputLimits.defaults()).problem()).isEqualTo(Problem.EMPTY);
    assertThat(plan("  \n ".getBytes(StandardCharsets.UTF_8), InputLimits.defaults()).problem())
        .isEqualTo(Problem.EMPTY);
  }

  @Test
  void malformedJson_namesLineAndColumn() {
    AnalysisException e =
        plan(
            "{\n  \"format_version\": \"1.2\",\n  \"resource_changes\": [,]\n}"
                .getBytes(StandardCharsets.UTF_8),
            InputLimits.defaults());
    assertThat(e.problem()).isEqualTo(Problem.MALFORMED);
    assertThat(e.line()).hasValue(3);
    assertThat(e.getMessage()).contains("line 3");
  }

  @Test
  void truncatedJson_saysItEndsUnexpectedly() {
    AnalysisException e =
        plan(
            "{\"format_version\":\"1.2\",\"resource_changes\":[{\"address\":"
                .getBytes(StandardCharsets.UTF_8),
            InputLimits.defaults());
    assertThat(e.problem()).isEqualTo(Problem.MALFORMED);
    assertThat(e.getMessage()).contains("ends unexpectedly");
  }

  @Test
  void duplicateKey_isRejectedAsAmbiguous() {
    String plan =
        "{\"format_version\":\"1.2\",\"resource_changes\":[{\"address\":\"a.b\",\"type\":\"a\",\"type\":\"aws_db_instance\"}]}";
    AnalysisException e = plan(plan.getBytes(StandardCharsets.UTF_8), InputLimits.defaults());
    assertThat(e.problem()).isEqualTo(Problem.DUPLICATE_KEY);
    assertThat(e.getMessage()).contains("'type'");
  }
}
