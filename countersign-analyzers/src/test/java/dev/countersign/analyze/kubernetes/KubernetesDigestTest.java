package dev.countersign.analyze.kubernetes;

import static dev.countersign.analyze.kubernetes.Kube.only;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The content hash follows the object's intent, not its spelling or the cluster's bookkeeping. */
class KubernetesDigestTest {

  private static final String YAML =
      "apiVersion: apps/v1\n"
          + "kind: Deployment\n"
          + "metadata:\n"
          + "  name: web\n"
          + "  namespace: shop\n"
          + "spec:\n"
          + "  replicas: 3\n"
          + "  template:\n"
          + "    spec:\n"
          + "      containers:\n"
          + "      - name: web\n"
          + "        image: nginx:1.27\n"
          + "        resources: {limits: {cpu: 0.5}}\n";

  private static final String JSON =
      "{\"kind\":\"Deployment\",\"apiVersion\":\"apps/v1\",\"metadata\":{\"namespace\":\"shop\","
          + "\"name\":\"web\"},\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"image\":"
          + "\"nginx:1.27\",\"name\":\"web\",\"resources\":{\"limits\":{\"cpu\":0.50}}}]}},"
          + "\"replicas\":3.0}}";

  @Test
  void sameObjectAsYamlOrJson_hashesAlike() {
    assertThat(only(JSON)).isEqualTo(only(YAML));
  }

  @Test
  void clusterBookkeeping_leavesTheHash() {
    String noisy =
        YAML.replace(
                "  namespace: shop\n",
                "  namespace: shop\n"
                    + "  uid: 5b4c\n"
                    + "  resourceVersion: \"39512\"\n"
                    + "  generation: 4\n"
                    + "  creationTimestamp: \"2022-06-22T13:35:23Z\"\n"
                    + "  managedFields: [{manager: x}]\n")
            + "status:\n  replicas: 3\n";
    assertThat(only(noisy).contentHash()).isEqualTo(only(YAML).contentHash());
  }

  @Test
  void anyChangeToTheSpec_movesTheHash() {
    String base = only(YAML).contentHash();
    assertThat(only(YAML.replace("replicas: 3", "replicas: 4")).contentHash()).isNotEqualTo(base);
    assertThat(only(YAML.replace("nginx:1.27", "nginx:1.28")).contentHash()).isNotEqualTo(base);
    assertThat(only(YAML.replace("replicas: 3", "replicas: \"3\"")).contentHash())
        .isNotEqualTo(base);
    assertThat(
            only(YAML.replace("  namespace: shop\n", "  namespace: shop\n  labels: {a: b}\n"))
                .contentHash())
        .isNotEqualTo(base);
  }

  @Test
  void numbersBeyondDoublePrecision_moveTheHash() {
    assertThat(only(YAML.replace("replicas: 3", "replicas: 9007199254740993")).contentHash())
        .isNotEqualTo(
            only(YAML.replace("replicas: 3", "replicas: 9007199254740992")).contentHash());
  }

  @Test
  void hugeNumbers_areHashedNotRefused() {
    assertThat(only(YAML.replace("replicas: 3", "replicas: 1" + "0".repeat(400))).contentHash())
        .hasSize(64);
    assertThat(only(YAML.replace("cpu: 0.5", "cpu: 1e400")).contentHash()).hasSize(64);
    assertThat(
            only(JSON.replace("\"replicas\":3.0", "\"replicas\":1" + "0".repeat(400)))
                .contentHash())
        .hasSize(64);
  }

  @Test
  void yamlNumberSpellings_followTheCoreSchema() {
    String base = only(YAML).contentHash();
    assertThat(only(YAML.replace("replicas: 3", "replicas: 0x3")).contentHash()).isEqualTo(base);
    assertThat(only(YAML.replace("replicas: 3", "replicas: 0o3")).contentHash()).isEqualTo(base);
    assertThat(only(YAML.replace("replicas: 3", "replicas: 3.0")).contentHash()).isEqualTo(base);
  }
}
