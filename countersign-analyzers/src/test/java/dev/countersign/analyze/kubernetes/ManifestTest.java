package dev.countersign.analyze.kubernetes;

import static dev.countersign.analyze.kubernetes.Kube.analyze;
import static dev.countersign.analyze.kubernetes.Kube.error;
import static dev.countersign.analyze.kubernetes.Kube.only;
import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.analyze.AnalysisException;
import dev.countersign.analyze.AnalysisException.Problem;
import dev.countersign.model.Action;
import dev.countersign.model.Analysis;
import dev.countersign.model.Verb;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Manifests: documents, lists, addresses, services and the shapes that are refused. */
class ManifestTest {

  private static final String PVC =
      "apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: data\n  namespace: shop\n";

  @Test
  void multiDocumentYaml_givesOneApplyPerObjectAndSkipsEmptyDocuments() {
    Analysis analysis =
        analyze(
            "# header\n---\n"
                + PVC
                + "---\n# nothing here\n---\napiVersion: v1\nkind: Namespace\n"
                + "metadata:\n  name: shop\n  namespace: ignored\n");
    assertThat(analysis.actions())
        .extracting(Action::address)
        .containsExactly("shop/PersistentVolumeClaim/data", "Namespace/shop");
    assertThat(analysis.actions()).allSatisfy(a -> assertThat(a.verb()).isEqualTo(Verb.UPDATE));
    assertThat(analysis.destructive()).isFalse();
  }

  @Test
  void kindList_inJson_givesOneActionPerItem() {
    Analysis analysis =
        analyze(
            "{\"apiVersion\":\"v1\",\"kind\":\"List\",\"items\":["
                + "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"a\","
                + "\"namespace\":\"x\"}},"
                + "{\"apiVersion\":\"apps/v1\",\"kind\":\"StatefulSet\",\"metadata\":{\"name\":\"db\","
                + "\"namespace\":\"x\"}}]}");
    assertThat(analysis.actions())
        .extracting(Action::address)
        .containsExactly("x/ConfigMap/a", "x/StatefulSet/db");
    assertThat(analysis.actions().get(1).stateful()).isTrue();
  }

  @Test
  void typedList_isAListToo() {
    assertThat(
            analyze(
                    "apiVersion: v1\nkind: PodList\nitems:\n- apiVersion: v1\n  kind: Pod\n"
                        + "  metadata: {name: a}\n")
                .actions())
        .extracting(Action::address)
        .containsExactly("Pod/a");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "annotations: {countersign.dev/service: billing}, labels: {app.kubernetes.io/part-of:"
            + " shop}|billing",
        "labels: {countersign.dev/service: billing, app.kubernetes.io/part-of: shop}|billing",
        "labels: {app.kubernetes.io/part-of: shop, app.kubernetes.io/name: cart}|shop",
        "labels: {app.kubernetes.io/name: cart, app: other}|cart",
        "labels: {app: other}|''"
      })
  void service_comesFromTheAnnotationThenTheLabelsInOrder(String metadata, String service) {
    Action action = only("apiVersion: v1\nkind: Service\nmetadata: {name: s, " + metadata + "}\n");
    assertThat(action.service()).isEqualTo(service);
  }

  @Test
  void generatedName_isShownAsAPattern() {
    assertThat(only("apiVersion: batch/v1\nkind: Job\nmetadata: {generateName: run-}\n").address())
        .isEqualTo("Job/run-*");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "- a\\n- b|a list",
        "just text|a single value",
        "kind: Pod\\nmetadata: {name: a}|apiVersion",
        "apiVersion: v1\\nmetadata: {name: a}|no kind",
        "apiVersion: v1\\nkind: Pod\\nmetadata: {}|metadata.name",
        "apiVersion: v1\\nkind: List\\nitems: 3|items",
        "apiVersion: v1\\nkind: List\\nitems: [3]|items[0]"
      })
  void documentThatIsNotAnObject_isRefusedNamingTheDocument(String yaml, String named) {
    // CSV cannot hold line breaks: the rows write them as \n.
    AnalysisException e =
        error("apiVersion: v1\nkind: Pod\nmetadata: {name: ok}\n---\n" + yaml.replace("\\n", "\n"));
    assertThat(e.problem()).isEqualTo(Problem.INVALID_STRUCTURE);
    assertThat(e.getMessage()).contains("document 2").contains(named);
    assertThat(e.line()).hasValue(5);
  }

  @Test
  void mergeKey_isRefused() {
    AnalysisException e =
        error(
            "apiVersion: apps/v1\nkind: Deployment\n"
                + "metadata: {name: a}\nspec:\n  <<: {replicas: 3}\n");
    assertThat(e.problem()).isEqualTo(Problem.INVALID_STRUCTURE);
    assertThat(e.getMessage()).contains("merge keys");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   \n", "# only a comment\n", "---\n---\n"})
  void nothingToApply_isEmpty(String text) {
    assertThat(error(text).problem()).isEqualTo(Problem.EMPTY);
  }

  @Test
  void yamlTag_isRefusedWithItsPosition() {
    AnalysisException e =
        error("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\ndata:\n  x: !!binary aGk=\n");
    assertThat(e.problem()).isEqualTo(Problem.MALFORMED);
    assertThat(e.line()).hasValue(5);
  }

  @Test
  void duplicateKey_isRefused() {
    assertThat(error("apiVersion: v1\nkind: Pod\nkind: Namespace\nmetadata: {name: a}\n").problem())
        .isEqualTo(Problem.DUPLICATE_KEY);
    assertThat(error("{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"kind\":\"Namespace\"}").problem())
        .isEqualTo(Problem.DUPLICATE_KEY);
  }

  @Test
  void malformedYamlAndJson_areMalformedWithAPosition() {
    AnalysisException yaml = error("apiVersion: v1\nkind: [Pod\n");
    assertThat(yaml.problem()).isEqualTo(Problem.MALFORMED);
    assertThat(yaml.line()).isPresent();
    AnalysisException json = error("{\"apiVersion\": \"v1\",\n \"kind\": }");
    assertThat(json.problem()).isEqualTo(Problem.MALFORMED);
    assertThat(json.line()).hasValue(2);
  }
}
