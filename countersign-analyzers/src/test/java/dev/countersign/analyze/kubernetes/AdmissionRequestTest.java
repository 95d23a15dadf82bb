package dev.countersign.analyze.kubernetes;

import static dev.countersign.analyze.kubernetes.Kube.analyze;
import static dev.countersign.analyze.kubernetes.Kube.error;
import static dev.countersign.analyze.kubernetes.Kube.finding;
import static dev.countersign.analyze.kubernetes.Kube.only;
import static dev.countersign.analyze.kubernetes.Kube.request;
import static dev.countersign.analyze.kubernetes.Kube.review;
import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.analyze.AnalysisException.Problem;
import dev.countersign.model.Action;
import dev.countersign.model.Analysis;
import dev.countersign.model.Finding;
import dev.countersign.model.Severity;
import dev.countersign.model.Verb;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Admission requests: operations, stateful kinds, subresources and the two wrappers. */
class AdmissionRequestTest {

  private static String deleteOf(String kind, String resource, String namespace, String name) {
    String ns = namespace.isEmpty() ? "" : ",\"namespace\":\"" + namespace + "\"";
    return request(
        "DELETE",
        kind,
        resource,
        "\"name\":\""
            + name
            + "\""
            + ns
            + ",\"object\":null,\"oldObject\":{\"apiVersion\":\"v1\",\"kind\":\""
            + kind
            + "\",\"metadata\":{\"name\":\""
            + name
            + "\""
            + ns
            + ",\"uid\":\"x\"}}");
  }

  @Test
  void deletingANamespace_isDataLossAndRecreatesTheEnvironment() {
    Analysis analysis = analyze(deleteOf("Namespace", "namespaces", "", "production"));
    Action action = analysis.actions().get(0);
    assertThat(action.verb()).isEqualTo(Verb.DELETE);
    assertThat(action.address()).isEqualTo("Namespace/production");
    assertThat(analysis.dataLoss()).isTrue();
    assertThat(analysis.recreateEnvironment()).isTrue();
    assertThat(finding(analysis, Finding.RECREATE_ENVIRONMENT).severity())
        .isEqualTo(Severity.CRITICAL);
  }

  @ParameterizedTest
  @CsvSource({
    "PersistentVolumeClaim,persistentvolumeclaims,shop,shop/PersistentVolumeClaim/data-db-0",
    "PersistentVolume,persistentvolumes,,PersistentVolume/data-db-0",
    "StatefulSet,statefulsets,shop,shop/StatefulSet/data-db-0",
    "CustomResourceDefinition,customresourcedefinitions,,CustomResourceDefinition/data-db-0"
  })
  void deletingAStatefulKind_isDataLossButNotAnEnvironment(
      String kind, String resource, String namespace, String address) {
    Analysis analysis =
        analyze(deleteOf(kind, resource, namespace == null ? "" : namespace, "data-db-0"));
    assertThat(analysis.actions().get(0).address()).isEqualTo(address);
    assertThat(analysis.dataLoss()).isTrue();
    assertThat(analysis.recreateEnvironment()).isFalse();
    assertThat(finding(analysis, KubernetesFindings.DATA_LOSS).severity()).isEqualTo(Severity.HIGH);
  }

  @Test
  void deletingACustomResourceDefinition_saysItsResourcesGoWithIt() {
    Analysis analysis =
        analyze(deleteOf("CustomResourceDefinition", "customresourcedefinitions", "", "x.y.io"));
    assertThat(finding(analysis, KubernetesFindings.DATA_LOSS).message())
        .contains("every custom resource of its kind");
  }

  @Test
  void deletingADeployment_isDestructiveWithoutDataLoss() {
    Analysis analysis = analyze(deleteOf("Deployment", "deployments", "shop", "web"));
    assertThat(analysis.destructive()).isTrue();
    assertThat(analysis.dataLoss()).isFalse();
  }

  @Test
  void connect_isAnOpaqueExec() {
    Analysis analysis =
        analyze(
            request(
                "CONNECT",
                "PodExecOptions",
                "pods",
                "\"subResource\":\"exec\",\"name\":\"db-0\",\"namespace\":\"shop\","
                    + "\"object\":{\"kind\":\"PodExecOptions\",\"command\":[\"sh\"]}"));
    Action action = analysis.actions().get(0);
    assertThat(action.verb()).isEqualTo(Verb.EXEC);
    assertThat(action.address()).isEqualTo("shop/Pod/db-0");
    assertThat(action.reason()).contains("subresource exec");
    assertThat(finding(analysis, AdmissionOperation.OPAQUE).address()).isEqualTo("shop/Pod/db-0");
  }

  @Test
  void scaleSubresource_isAboutTheDeployment() {
    Action action =
        only(
            request(
                "UPDATE",
                "Scale",
                "deployments",
                "\"subResource\":\"scale\",\"name\":\"web\",\"namespace\":\"shop\","
                    + "\"object\":{\"kind\":\"Scale\",\"spec\":{\"replicas\":0}}"));
    assertThat(action.address()).isEqualTo("shop/Deployment/web");
    assertThat(action.verb()).isEqualTo(Verb.UPDATE);
  }

  @Test
  void unknownOperation_isReviewedAsAnUpdate() {
    Analysis analysis =
        analyze(request("EVICT", "Pod", "pods", "\"name\":\"a\",\"namespace\":\"b\""));
    assertThat(analysis.actions().get(0).verb()).isEqualTo(Verb.UPDATE);
    assertThat(finding(analysis, AdmissionOperation.UNKNOWN_OPERATION).severity())
        .isEqualTo(Severity.HIGH);
  }

  @Test
  void dryRun_keepsItsVerbAndSaysSo() {
    Analysis analysis =
        analyze(
            deleteOf("Namespace", "namespaces", "", "prod")
                .replace("\"operation\"", "\"dryRun\":true,\"operation\""));
    assertThat(analysis.recreateEnvironment()).isTrue();
    assertThat(finding(analysis, KubernetesFindings.DRY_RUN).severity()).isEqualTo(Severity.INFO);
  }

  @Test
  void envelopedAndBareRequest_giveTheSameAction() {
    String bare = deleteOf("PersistentVolumeClaim", "persistentvolumeclaims", "shop", "data");
    assertThat(only(review(bare))).isEqualTo(only(bare));
  }

  @Test
  void requestUidAndUser_leaveTheHash() {
    String bare = deleteOf("Deployment", "deployments", "shop", "web");
    String other = bare.replace("\"u-1\"", "\"u-2\"").replace("kiro-7", "mia");
    assertThat(only(other).contentHash()).isEqualTo(only(bare).contentHash());
  }

  @Test
  void serviceLabel_ofTheOldObject_namesTheServiceOfADelete() {
    String bare =
        deleteOf("Deployment", "deployments", "shop", "web")
            .replace(
                "\"uid\":\"x\"",
                "\"uid\":\"x\",\"labels\":{\"app.kubernetes.io/part-of\":\"checkout\"}");
    assertThat(only(bare).service()).isEqualTo("checkout");
  }

  @Test
  void reviewWithoutARequest_isRefused() {
    assertThat(
            error("{\"apiVersion\":\"admission.k8s.io/v1\",\"kind\":\"AdmissionReview\"}")
                .problem())
        .isEqualTo(Problem.INVALID_STRUCTURE);
  }

  @Test
  void requestWithoutAName_isRefused() {
    assertThat(error(request("DELETE", "Pod", "pods", "")).getMessage()).contains("has no name");
  }
}
