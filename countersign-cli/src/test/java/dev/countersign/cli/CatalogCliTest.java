package dev.countersign.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --catalog} on {@code analyze} and {@code check}, with the demo catalog in
 * src/test/resources/catalog: edge-gateway (platform, tier 1, customer-facing) depends on
 * payments-api (payments, tier 1), which depends on payments-db.
 */
class CatalogCliTest {
  static final String CATALOG = "src/test/resources/catalog";
  private final ObjectMapper mapper = new ObjectMapper();
  @TempDir Path tmp;

  private String command(String text) throws Exception {
    Path p = tmp.resolve("cmd.sh");
    Files.writeString(p, text);
    return p.toString();
  }

  /** A Deployment manifest: its action's address is {@code <namespace>/Deployment/<name>}. */
  private String deployment(String namespace, String name) throws Exception {
    Path p = tmp.resolve("deployment.yaml");
    Files.writeString(
        p,
        "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: " + name + "\n  namespace: " + namespace
            + "\nspec:\n  replicas: 3\n");
    return p.toString();
  }

  @Test
  void analyzeWithCatalog_showsTouchedServicesAndTheirDependents() throws Exception {
    CliRun r = CliRun.of("analyze", command("kubectl rollout restart deployment/api -n payments"), "--kind", "shell",
        "--service", "payments-api", "--catalog", CATALOG);
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("blast radius: 3 service(s), 1 touched, 2 dependent(s); tier 1: 2; customer-facing: 1; score 16")
        .contains("owners: payments, platform, data")
        .containsPattern("touched +payments-api +owner payments +tier 1\\n")
        .containsPattern("dependent +edge-gateway +owner platform +tier 1  customer-facing\\n")
        .containsPattern("dependent +warehouse-loader +owner data +tier 3\\n"); // through the payments-events API
  }

  @Test
  void analyzeJsonWithCatalog_listsTheBlastRadius_andKeepsTheDigest() throws Exception {
    String cmd = command("kubectl delete deployment api -n payments");
    CliRun with = CliRun.of("analyze", cmd, "--kind", "shell", "--catalog", CATALOG, "--json");
    CliRun without = CliRun.of("analyze", cmd, "--kind", "shell", "--json");
    assertThat(with.exitCode()).as(with.err()).isZero();
    JsonNode radius = mapper.readTree(with.out()).path("blastRadius");
    assertThat(radius.path("services").findValuesAsText("id")).containsExactly("payments-api", "edge-gateway", "warehouse-loader");
    assertThat(radius.path("touchedOwners").toString()).isEqualTo("[\"payments\"]");
    assertThat(radius.path("tier1Count").asInt()).isEqualTo(2);
    assertThat(mapper.readTree(with.out()).path("digest")).isEqualTo(mapper.readTree(without.out()).path("digest"));
  }

  @Test
  void checkTouchingAnotherTeamsTier1CustomerFacingService_needsThatTeamsApproval() throws Exception {
    // sam (senior, payments) applies a Deployment in namespace edge, which edge-gateway (platform) claims.
    CliRun r = CliRun.of("check", deployment("edge", "gateway"), "--kind", "kubernetes", "--author", "sam",
        "--env", "production", "--org", "../org.yaml", "--catalog", CATALOG, "--json");
    assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(1);
    JsonNode json = mapper.readTree(r.out());
    assertThat(json.path("decision").asText()).isEqualTo("needs_approval");
    assertThat(json.path("requirements").findValuesAsText("rule")).containsExactly("wide-blast-radius");
    assertThat(json.path("requirements").get(0).path("eligible").asText()).contains("the team that owns");
  }

  @Test
  void checkOfTheSameChangeWithoutCatalog_isAllowed() throws Exception {
    CliRun r = CliRun.of("check", deployment("edge", "gateway"), "--kind", "kubernetes", "--author", "sam",
        "--env", "production", "--org", "../org.yaml");
    assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
  }

  @Test
  void checkDeclaringAnotherTeamsTier1Service_needsThatTeamsApproval() throws Exception {
    CliRun r = CliRun.of("check", command("kubectl rollout restart deployment/gateway -n edge"), "--kind", "shell",
        "--author", "sam", "--env", "production", "--service", "edge-gateway", "--org", "../org.yaml",
        "--catalog", CATALOG, "--json");
    assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(1);
    assertThat(mapper.readTree(r.out()).path("requirements").findValuesAsText("rule")).containsExactly("wide-blast-radius");
  }

  @Test
  void checkOfAChangeToOwnService_reachingAnotherTeamsTier1Dependent_needsThatTeamsApproval() throws Exception {
    CliRun r = CliRun.of("check", command("kubectl set image deployment/api api=api:2 -n payments"), "--kind", "shell",
        "--author", "sam", "--env", "production", "--service", "payments-api", "--org", "../org.yaml",
        "--catalog", CATALOG);
    assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(1);
    assertThat(r.out())
        .contains("decision: needs_approval")
        .contains("[wide-blast-radius]")
        .containsPattern("dependent +edge-gateway +owner platform");
  }

  @Test
  void aMalformedCatalog_exits2NamingFileAndLine() throws Exception {
    Path bad = tmp.resolve("catalog-info.yaml");
    Files.writeString(bad, "apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: web\n  annotations:\n    countersign.dev/tier: top\n");
    CliRun r = CliRun.of("analyze", command("ls"), "--kind", "shell", "--catalog", bad.toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("catalog-info.yaml:6:").contains("countersign.dev/tier");
  }

  @Test
  void danglingReferences_areWarningsOnStderr_andTheCommandStillRuns() throws Exception {
    Path catalog = tmp.resolve("catalog-info.yaml");
    Files.writeString(catalog, "apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata: {name: web}\nspec: {owner: a, dependsOn: ['resource:gone']}\n");
    CliRun r = CliRun.of("analyze", command("ls"), "--kind", "shell", "--service", "web", "--catalog", catalog.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.err()).contains("catalog warning:").contains("the catalog has no entity resource:default/gone");
  }
}
