package dev.countersign.analyze.terraform;

import static dev.countersign.analyze.terraform.Plans.analyze;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.countersign.analyze.AnalysisException;
import dev.countersign.analyze.AnalysisException.Problem;
import dev.countersign.analyze.InputLimits;
import dev.countersign.digest.ChangeDigest;
import dev.countersign.model.Analysis;
import dev.countersign.model.ChangeKind;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Documents that are JSON but not plans, and the encodings plans come in. */
class PlanShapeTest {

  private static AnalysisException error(String json) {
    return catchThrowableOfType(AnalysisException.class, () -> analyze(json));
  }

  @Test
  void jsonObjectWithoutPlanKeys_isNotAPlan() {
    AnalysisException e = error("{\"foo\":1}");
    assertThat(e.problem()).isEqualTo(Problem.INVALID_STRUCTURE);
    assertThat(e.getMessage()).contains("not a Terraform plan");
  }

  @Test
  void terraformState_isNotAPlan() {
    assertThat(error("{\"values\":{\"root_module\":{}}}").getMessage()).contains("state");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {"[]|array", "\"plan\"|string", "42|number"})
  void nonObjectDocument_isNotAPlan(String json, String ignored) {
    assertThat(error(json).problem()).isEqualTo(Problem.INVALID_STRUCTURE);
  }

  @Test
  void contentAfterThePlan_isRejected() {
    assertThat(error("{\"format_version\":\"1.2\"} {\"format_version\":\"1.2\"}").problem())
        .isEqualTo(Problem.INVALID_STRUCTURE);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"change\":{\"actions\":[\"delete\"]},\"type\":\"aws_s3_bucket\"}|address",
        "{\"address\":\"a.b\",\"change\":{\"actions\":[\"delete\"]}}|type",
        "{\"address\":\"a.b\",\"type\":\"a\"}|change",
        "{\"address\":\"a.b\",\"type\":\"a\",\"change\":{\"actions\":\"delete\"}}|actions",
        "{\"address\":\"a.b\",\"type\":\"a\",\"change\":{\"actions\":[1]}}|actions",
        "7|object"
      })
  void resourceChangeMissingWhatDecidesItsVerb_isRejected(String entry, String named) {
    AnalysisException e =
        error("{\"format_version\":\"1.2\",\"resource_changes\":[" + entry + "]}");
    assertThat(e.problem()).isEqualTo(Problem.INVALID_STRUCTURE);
    assertThat(e.getMessage()).contains("resource_changes[0]").contains(named);
  }

  @Test
  void utf16LittleEndianPlansFromTheCorpus_parse() {
    for (String file :
        List.of(
            "bridgecrewio-checkov__plan_with_utf_16_encoding__tfplan.json",
            "bridgecrewio-checkov__plan_with_lifecycle_check__tfplan.json")) {
      assertThat(
              TerraformPlans.analyzer()
                  .analyze(Corpus.bytes(file), InputLimits.defaults())
                  .actions())
          .isNotEmpty();
    }
  }

  @Test
  void sameFileInEveryEncoding_givesTheSameDigest() {
    String text =
        new String(
            Corpus.bytes("opentofu-opentofu__show-json__basic-delete__output.json"),
            StandardCharsets.UTF_8);
    String utf8 = digest(text.getBytes(StandardCharsets.UTF_8));
    assertThat(
            digest(
                withBom(
                    new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                    text.getBytes(StandardCharsets.UTF_8))))
        .isEqualTo(utf8);
    assertThat(
            digest(
                withBom(
                    new byte[] {(byte) 0xFF, (byte) 0xFE},
                    text.getBytes(StandardCharsets.UTF_16LE))))
        .isEqualTo(utf8);
    assertThat(
            digest(
                withBom(
                    new byte[] {(byte) 0xFE, (byte) 0xFF},
                    text.getBytes(StandardCharsets.UTF_16BE))))
        .isEqualTo(utf8);
    assertThat(digest(text.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8))).isEqualTo(utf8);
  }

  @Test
  void numbersBeyondDoublePrecision_stillChangeTheDigest() {
    String a =
        Plans.plan(
            Plans.change(
                "aws_instance.a",
                "aws_instance",
                "[\"update\"]",
                "{\"n\":1}",
                "{\"n\":9007199254740993}",
                ""));
    String b =
        Plans.plan(
            Plans.change(
                "aws_instance.a",
                "aws_instance",
                "[\"update\"]",
                "{\"n\":1}",
                "{\"n\":9007199254740992}",
                ""));
    String c =
        Plans.plan(
            Plans.change(
                "aws_instance.a",
                "aws_instance",
                "[\"update\"]",
                "{\"n\":1}",
                "{\"n\":0.10000000000000000001}",
                ""));
    String d =
        Plans.plan(
            Plans.change(
                "aws_instance.a", "aws_instance", "[\"update\"]", "{\"n\":1}", "{\"n\":0.1}", ""));
    assertThat(digest(a.getBytes(StandardCharsets.UTF_8)))
        .isNotEqualTo(digest(b.getBytes(StandardCharsets.UTF_8)));
    assertThat(digest(c.getBytes(StandardCharsets.UTF_8)))
        .isNotEqualTo(digest(d.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void hugeExponent_isAcceptedWithoutOverflow() {
    String p =
        Plans.plan(
            Plans.change(
                "aws_instance.a",
                "aws_instance",
                "[\"update\"]",
                "{\"n\":1e400}",
                "{\"n\":1e-400}",
                ""));
    assertThat(analyze(p).actions()).hasSize(1);
  }

  @Test
  void hugeInteger_isAcceptedAndKeptExact() {
    String one = "1" + "0".repeat(400);
    String two = "2" + "0".repeat(400);
    String a = Plans.plan(Plans.change("aws_instance.a", "aws_instance", "[\"update\"]", "{\"n\":" + one + "}", "{\"n\":1}", ""));
    String b = Plans.plan(Plans.change("aws_instance.a", "aws_instance", "[\"update\"]", "{\"n\":" + two + "}", "{\"n\":1}", ""));
    assertThat(analyze(a).actions()).hasSize(1);
    assertThat(digest(a.getBytes(StandardCharsets.UTF_8))).isNotEqualTo(digest(b.getBytes(StandardCharsets.UTF_8)));
  }

  private static String digest(byte[] plan) {
    Analysis a = TerraformPlans.analyzer().analyze(plan, InputLimits.defaults());
    return ChangeDigest.of(ChangeKind.TERRAFORM_PLAN, "production", List.of(), a.actions());
  }

  private static byte[] withBom(byte[] bom, byte[] body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(bom);
    out.writeBytes(body);
    return out.toByteArray();
  }
}
