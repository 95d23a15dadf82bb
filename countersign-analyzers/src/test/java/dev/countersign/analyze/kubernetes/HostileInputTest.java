package dev.countersign.analyze.kubernetes;

import static dev.countersign.analyze.kubernetes.Kube.error;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.countersign.analyze.AnalysisException;
import dev.countersign.analyze.AnalysisException.Problem;
import dev.countersign.analyze.InputLimits;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Alias bombs, deep nesting, oversize input and bad encodings get typed errors, fast. */
class HostileInputTest {

  @Test
  @Timeout(value = 10, unit = TimeUnit.SECONDS)
  void billionLaughs_isRefused() {
    StringBuilder yaml = new StringBuilder("a0: &a0 [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
    for (int i = 1; i < 10; i++) {
      yaml.append("a").append(i).append(": &a").append(i).append(" [");
      for (int j = 0; j < 9; j++) {
        yaml.append(j == 0 ? "" : ",").append("*a").append(i - 1);
      }
      yaml.append("]\n");
    }
    AnalysisException e =
        error("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata:\n" + indent(yaml));
    assertThat(e.problem()).isEqualTo(Problem.TOO_LARGE);
    assertThat(e.getMessage()).contains("alias");
  }

  @Test
  void tooManyAliases_isRefused() {
    StringBuilder yaml =
        new StringBuilder("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n");
    yaml.append("data:\n  base: &b v\n");
    for (int i = 0; i < 200; i++) {
      yaml.append("  k").append(i).append(": *b\n");
    }
    assertThat(error(yaml.toString()).problem()).isEqualTo(Problem.TOO_LARGE);
  }

  @Test
  void deepYaml_isRefusedAsTooDeep() {
    String deep =
        "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata: "
            + "[".repeat(5000)
            + "]".repeat(5000);
    AnalysisException e = error(deep);
    assertThat(e.problem()).isEqualTo(Problem.TOO_DEEP);
    assertThat(e.line()).hasValue(4);
  }

  @Test
  void deepJson_isRefusedAsTooDeep() {
    String deep =
        "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"data\":"
            + "[".repeat(5000)
            + "]".repeat(5000)
            + "}";
    assertThat(error(deep).problem()).isEqualTo(Problem.TOO_DEEP);
  }

  @Test
  void inputOverTheLimit_isTooLarge() {
    byte[] bytes =
        "apiVersion: v1\nkind: Namespace\nmetadata: {name: x}\n".getBytes(StandardCharsets.UTF_8);
    AnalysisException e =
        catchThrowableOfType(
            AnalysisException.class,
            () ->
                KubernetesChanges.analyzer()
                    .analyze(bytes, InputLimits.defaults().withMaxBytes(10)));
    assertThat(e.problem()).isEqualTo(Problem.TOO_LARGE);
  }

  @Test
  void invalidUtf8_isRefusedWithItsOffset() {
    byte[] head =
        "apiVersion: v1\nkind: Namespace\nmetadata: {name: ".getBytes(StandardCharsets.UTF_8);
    byte[] bytes = new byte[head.length + 2];
    System.arraycopy(head, 0, bytes, 0, head.length);
    bytes[head.length] = (byte) 0xC3;
    bytes[head.length + 1] = 0x28;
    AnalysisException e =
        catchThrowableOfType(
            AnalysisException.class,
            () -> KubernetesChanges.analyzer().analyze(bytes, InputLimits.defaults()));
    assertThat(e.problem()).isEqualTo(Problem.INVALID_ENCODING);
    assertThat(e.byteOffset()).hasValue(head.length);
  }

  @Test
  void utf16WithBom_isRead() {
    String yaml = "apiVersion: v1\nkind: Namespace\nmetadata: {name: x}\n";
    byte[] body = yaml.getBytes(StandardCharsets.UTF_16LE);
    byte[] bytes = new byte[body.length + 2];
    bytes[0] = (byte) 0xFF;
    bytes[1] = (byte) 0xFE;
    System.arraycopy(body, 0, bytes, 2, body.length);
    assertThat(KubernetesChanges.analyzer().analyze(bytes, InputLimits.defaults()).actions().get(0))
        .isEqualTo(Kube.only(yaml));
  }

  private static String indent(StringBuilder yaml) {
    return "  " + yaml.toString().strip().replace("\n", "\n  ") + "\n";
  }
}
