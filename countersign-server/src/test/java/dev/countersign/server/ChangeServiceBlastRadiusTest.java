package dev.countersign.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.countersign.analyze.Analyzers;
import dev.countersign.analyze.InputLimits;
import dev.countersign.config.catalog.BackstageCatalog;
import dev.countersign.config.org.OrgYaml;
import dev.countersign.config.policy.LoadedPolicy;
import dev.countersign.config.policy.PolicyLoader;
import dev.countersign.directory.Directory;
import dev.countersign.policy.EngineConfig;
import dev.countersign.store.Store;
import dev.countersign.store.StoreConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server's proposals with a service catalog: the blast radius is applied after analysis, kept
 * out of the digest, stored with the analysis and used by the default pack's wide-blast-radius.
 */
class ChangeServiceBlastRadiusTest {
  private static final String ORG =
      """
      humans:
        - {id: sam, level: senior, teams: [payments]}
        - {id: priya, level: senior, teams: [payments]}
        - {id: ravi, level: staff, teams: [platform]}
      """;
  private static final String CATALOG =
      """
      apiVersion: backstage.io/v1alpha1
      kind: Component
      metadata: {name: payments-api, annotations: {countersign.dev/tier: "2"}}
      spec: {owner: payments}
      ---
      apiVersion: backstage.io/v1alpha1
      kind: Component
      metadata:
        name: edge-gateway
        annotations: {countersign.dev/tier: "1", countersign.dev/customer-facing: "true"}
      spec: {owner: platform, dependsOn: [component:payments-api]}
      """;

  @TempDir Path dir;
  private Store store;
  private ChangeService withCatalog;
  private ChangeService without;

  @BeforeEach
  void start() {
    store = Store.open(StoreConfig.h2File(dir));
    Directory directory = OrgYaml.parse(ORG, "org.yaml");
    LoadedPolicy policy = PolicyLoader.create().load(Path.of("../policies/default"));
    PolicyRuntime runtime = new PolicyRuntime(policy.engine(EngineConfig.defaults()), policy.freezes());
    JsonCodec json = new JsonCodec(InputLimits.DEFAULT_MAX_BYTES);
    InstantSource clock = InstantSource.fixed(Instant.parse("2026-05-01T10:00:00Z"));
    ChangeAnalyzer analyzer =
        (kind, content) -> kind.map(k -> Analyzers.standard().analyze(k, content, InputLimits.defaults()))
            .orElseGet(() -> Analyzers.standard().analyze(content, InputLimits.defaults()));
    var graph = BackstageCatalog.parse(CATALOG.getBytes(StandardCharsets.UTF_8), "catalog-info.yaml").graph();
    withCatalog =
        new ChangeService(store, () -> directory, () -> runtime, analyzer, clock, json, BlastRadiusSource.of(graph));
    without = new ChangeService(store, () -> directory, () -> runtime, analyzer, clock, json);
  }

  @AfterEach
  void stop() {
    store.close();
  }

  private static ProposeRequest restart() {
    return new ProposeRequest("shell", "production", List.of("payments-api"), false, "restart",
        "kubectl rollout restart deployment/api -n payments", null);
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> services(Map<String, Object> view) {
    return (List<Map<String, Object>>) ((Map<String, Object>) ((Map<String, Object>) view.get("analysis")).get("blastRadius")).get("services");
  }

  @Test
  void aChangeReachingAnotherTeamsTier1Service_waitsForThatTeam_andRefusesOthers() {
    Map<String, Object> proposed = withCatalog.propose("sam", restart());
    assertThat(proposed.get("state")).isEqualTo("pending");
    assertThat(services(proposed)).extracting(s -> s.get("id")).containsExactly("payments-api", "edge-gateway");
    String id = (String) proposed.get("id");
    String digest = (String) proposed.get("digest");
    assertThatThrownBy(() -> withCatalog.review("priya", id, new ReviewRequest("approve", digest, "")))
        .isInstanceOf(ApiException.class)
        .hasMessageContaining("wide-blast-radius")
        .hasMessageContaining("you are priya, senior in team payments");
    Map<String, Object> afterPlatform = withCatalog.review("ravi", id, new ReviewRequest("approve", digest, ""));
    assertThat(afterPlatform.get("state")).isEqualTo("approved");
    assertThat(services(withCatalog.get("sam", id))).hasSize(2); // kept with the stored analysis
  }

  @Test
  void theBlastRadius_isNotPartOfTheDigest() {
    Map<String, Object> a = withCatalog.propose("sam", restart());
    Map<String, Object> b = without.propose("sam", restart());
    assertThat(a.get("digest")).isEqualTo(b.get("digest"));
    assertThat(b.get("state")).isEqualTo("allowed");
    assertThat(services(b)).isEmpty();
  }
}
