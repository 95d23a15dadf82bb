package dev.countersign.analyze;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.countersign.analyze.AnalysisException.Problem;
import dev.countersign.model.Analysis;
import dev.countersign.model.ChangeKind;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AnalyzersTest {

  private final Analyzers analyzers = Analyzers.standard();

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void standardRegistry_hasTerraformAndShell() {
    assertThat(analyzers.kinds())
        .contains(ChangeKind.TERRAFORM_PLAN, ChangeKind.SHELL, ChangeKind.SQL);
    assertThat(analyzers.forKind(ChangeKind.GIT)).isPresent(); // patch series
  }

  @Test
  void everyValidCorpusPlan_isDetectedAsATerraformPlan() throws Exception {
    Path dir =
        Path.of(getClass().getResource("/corpus/terraform/EXPECTED.tsv").toURI()).getParent();
    List<Path> plans;
    try (Stream<Path> s = Files.list(dir)) {
      plans = s.filter(p -> p.toString().endsWith(".json")).toList();
    }
    for (Path plan : plans) {
      assertThat(analyzers.detect(read(plan)))
          .as(plan.getFileName().toString())
          .isEqualTo(ChangeKind.TERRAFORM_PLAN);
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "rm -rf /tmp/x",
        "kubectl get pods",
        "  git push --force\n",
        "cd /srv && make deploy"
      })
  void shortCommandText_isDetectedAsShell(String text) {
    assertThat(analyzers.detect(utf8(text))).isEqualTo(ChangeKind.SHELL);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"apiVersion\":\"v1\"}",
        "[1,2]",
        "---\na: 1"
      })
  void otherFormats_areATypedErrorAskingForTheKind(String text) {
    AnalysisException e =
        catchThrowableOfType(AnalysisException.class, () -> analyzers.detect(utf8(text)));
    assertThat(e.problem()).isEqualTo(Problem.UNRECOGNIZED);
    assertThat(e.getMessage()).contains("--kind");
  }

  @Test
  void longText_isNotGuessedToBeShell() {
    assertThat(
            catchThrowableOfType(
                    AnalysisException.class, () -> analyzers.detect(utf8("echo x\n".repeat(500))))
                .problem())
        .isEqualTo(Problem.UNRECOGNIZED);
  }

  @Test
  void emptyInput_isEmpty() {
    assertThat(
            catchThrowableOfType(AnalysisException.class, () -> analyzers.detect(new byte[0]))
                .problem())
        .isEqualTo(Problem.EMPTY);
  }

  @Test
  void streamAnalysis_detectsTheKindFromTheHead() {
    Analysis analysis =
        analyzers.analyze(
            new ByteArrayInputStream(utf8("terraform destroy")), InputLimits.defaults());
    assertThat(analysis.kind()).isEqualTo(ChangeKind.SHELL);
    assertThat(analysis.recreateEnvironment()).isTrue();
  }

  @Test
  void explicitKind_skipsDetection() {
    Analysis analysis =
        analyzers.analyze(ChangeKind.SHELL, utf8("DROP TABLE x"), InputLimits.defaults());
    assertThat(analysis.actions())
        .singleElement()
        .satisfies(a -> assertThat(a.reason()).contains("DROP"));
  }

  @Test
  void kindWithoutAnAnalyser_isATypedError() {
    assertThat(
            catchThrowableOfType(
                    AnalysisException.class,
                    () ->
                        analyzers.analyze(
                            ChangeKind.GIT, utf8("HEAD~1..HEAD"), InputLimits.defaults()))
                .getMessage())
        .contains("git");
  }

  private static byte[] read(Path p) {
    try {
      return Files.readAllBytes(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
