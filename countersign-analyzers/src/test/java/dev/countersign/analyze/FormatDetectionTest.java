package dev.countersign.analyze;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.countersign.model.ChangeKind;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Detection of CloudFormation change sets and Kubernetes manifests and admission requests. */
class FormatDetectionTest {

  private final Analyzers analyzers = Analyzers.standard();

  private ChangeKind detect(String text) {
    return analyzers.detect(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void standardRegistry_analysesCloudFormationAndKubernetes() {
    assertThat(analyzers.kinds())
        .contains(ChangeKind.CLOUDFORMATION_CHANGESET, ChangeKind.KUBERNETES);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"ChangeSetId\":\"x\",\"Changes\":[]}",
        "{\"Changes\":[{\"ResourceChange\":{}}]}",
        "{\n  \"StackName\": \"s\",\n  \"Changes\": []\n}"
      })
  void changesWithAChangeSetKey_isCloudFormation(String json) {
    assertThat(detect(json)).isEqualTo(ChangeKind.CLOUDFORMATION_CHANGESET);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\"x\"}}",
        "{\"kind\":\"AdmissionReview\",\"apiVersion\":\"admission.k8s.io/v1\",\"request\":{}}",
        "{\"uid\":\"1\",\"operation\":\"DELETE\"}",
        "apiVersion: v1\nkind: Namespace\n",
        "# Source: chart/templates/ns.yaml\napiVersion: v1\nkind: Namespace\n",
        "---\n# Source: x\nkind: Service\napiVersion: v1\n",
        "uid: 1\noperation: CREATE\nkind:\n  kind: Pod\n"
      })
  void objectsAndAdmissionRequests_areKubernetes(String text) {
    assertThat(detect(text)).isEqualTo(ChangeKind.KUBERNETES);
  }

  @Test
  void terraformPlanWithAKubernetesManifestInside_staysAPlan() {
    assertThat(
            detect(
                "{\"format_version\":\"1.2\",\"resource_changes\":[{\"change\":{\"after\":"
                    + "{\"manifest\":{\"apiVersion\":\"v1\",\"kind\":\"Namespace\"}}}}]}"))
        .isEqualTo(ChangeKind.TERRAFORM_PLAN);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "kubectl apply -f - <<EOF\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: x\nEOF",
        "kubectl delete ns prod"
      })
  void shellCommandsCarryingManifests_areNotKubernetes(String text) {
    assertThat(detect(text)).isNotEqualTo(ChangeKind.KUBERNETES);
  }

  @ParameterizedTest
  @ValueSource(strings = {"{\"apiVersion\":\"v1\"}", "{\"Changes\":[]}", "a: 1\nkind: x\n"})
  void partialSignatures_areNotGuessed(String text) {
    assertThat(catchThrowableOfType(AnalysisException.class, () -> detect(text)).problem())
        .isEqualTo(AnalysisException.Problem.UNRECOGNIZED);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "#                    \n",
        "---\n",
        "   \n",
        "apiVersion: v1\n",
        "kind: x\n",
        "\"kind\": 1, \"apiVersion\" \n",
        "\"Changes\" \"StackName\"\n"
      })
  void longRepetitiveInput_isDetectedWithoutOverflowingTheStack(String line) {
    String body = line.repeat(70_000 / line.length());
    for (String text : new String[] {body + "x y", "{" + body, "{" + body + "}", body}) {
      try {
        detect(text);
      } catch (AnalysisException fine) {
        assertThat(fine.problem())
            .isIn(AnalysisException.Problem.UNRECOGNIZED, AnalysisException.Problem.EMPTY);
      }
    }
  }
}
