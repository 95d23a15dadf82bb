package dev.countersign.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The countersign command in-process: output shapes and exit codes (0 ok, 1 no, 2 input error). */
class CliTest {
  private static final String CORPUS = "../countersign-analyzers/src/test/resources/corpus/terraform/";
  private final ObjectMapper mapper = new ObjectMapper();
  @TempDir Path tmp;

  private Path file(String name, String text) throws Exception {
    Path p = tmp.resolve(name);
    Files.writeString(p, text);
    return p;
  }

  @Test
  void help_listsTheCommands() {
    CliRun r = CliRun.of("--help");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).contains("analyze", "check", "policy", "serve", "token");
  }

  @Test
  void analyzeJson_givesSummaryDigestAndFindings() throws Exception {
    CliRun r = CliRun.of("analyze", CORPUS + "opentofu-opentofu__local_provider_update__plan.json", "--json");
    assertThat(r.exitCode()).as(r.err()).isZero();
    JsonNode json = mapper.readTree(r.out());
    assertThat(json.path("kind").asText()).isEqualTo("terraform-plan");
    assertThat(json.path("summary").path("replace").asInt()).isEqualTo(1);
    assertThat(json.path("destructive").asBoolean()).isTrue();
    assertThat(json.path("digest").asText()).startsWith("sha256:");
  }

  @Test
  void analyzeMalformedPlan_exits2NamingTheProblem() {
    CliRun r = CliRun.of("analyze", CORPUS + "hashicorp-terraform-json__invalid__plan.json", "--kind", "terraform-plan");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("countersign:");
  }

  @Test
  void analyzeMissingFile_exits2() {
    CliRun r = CliRun.of("analyze", tmp.resolve("nope.json").toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("no such file");
  }

  @Test
  void analyzeOverTheSizeLimit_exits2() throws Exception {
    Path p = file("big.sh", "ls ".repeat(100));
    CliRun r = CliRun.of("analyze", p.toString(), "--max-bytes", "10");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("limit");
  }

  @Test
  void checkAgentDroppingAProductionTable_isDeniedWithExit1() throws Exception {
    Path cmd = file("cmd.sh", "psql -c \"DROP TABLE payments\"");
    CliRun r =
        CliRun.of("check", cmd.toString(), "--kind", "shell", "--author", "mia", "--agent", "kiro-7",
            "--env", "production", "--service", "payments-api", "--org", "../org.yaml", "--json");
    assertThat(r.exitCode()).as(r.err()).isEqualTo(1);
    JsonNode json = mapper.readTree(r.out());
    assertThat(json.path("decision").asText()).isEqualTo("deny");
    assertThat(json.path("reasons").size()).isPositive();
    assertThat(json.path("matched").toString()).contains("no-agent-data-loss-in-production");
  }

  @Test
  void checkLowRiskHumanChange_isAllowedWithExit0() throws Exception {
    Path cmd = file("cmd.sh", "kubectl get pods -n shop");
    CliRun r =
        CliRun.of("check", cmd.toString(), "--author", "sam", "--env", "production", "--org", "../org.yaml", "--json");
    assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
    assertThat(mapper.readTree(r.out()).path("decision").asText()).isEqualTo("allow");
  }

  @Test
  void checkAiAssistedProductionChangeByMid_needsApprovalWithExit1() throws Exception {
    Path cmd = file("cmd.sh", "kubectl rollout restart deployment/web -n shop");
    CliRun r =
        CliRun.of("check", cmd.toString(), "--author", "mia", "--ai-assisted", "--env", "production", "--org", "../org.yaml", "--json");
    assertThat(r.exitCode()).isEqualTo(1);
    JsonNode json = mapper.readTree(r.out());
    assertThat(json.path("decision").asText()).isEqualTo("needs_approval");
    assertThat(json.path("requirements").get(0).path("approvals").asInt()).isEqualTo(1);
  }

  @Test
  void checkWithAnAuthorWhoIsNotTheAgentsSponsor_exits2() throws Exception {
    Path cmd = file("cmd.sh", "ls");
    CliRun r = CliRun.of("check", cmd.toString(), "--author", "sam", "--agent", "kiro-7", "--env", "production", "--org", "../org.yaml");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("sponsor");
  }

  @Test
  void checkWithUnknownAuthor_exits2() throws Exception {
    Path cmd = file("cmd.sh", "ls");
    assertThat(CliRun.of("check", cmd.toString(), "--author", "nobody", "--env", "production", "--org", "../org.yaml").exitCode())
        .isEqualTo(2);
  }

  @Test
  void checkWithoutRequiredOptions_exits2() {
    assertThat(CliRun.of("check", "x").exitCode()).isEqualTo(2);
  }

  @Test
  void policyTestOfTheDefaultPack_passes() {
    CliRun r = CliRun.of("policy", "test", "../policies/default");
    assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
  }

  @Test
  void policyTestOfABrokenPolicy_exits2WithFileLineAndColumn() throws Exception {
    Path dir = Files.createDirectory(tmp.resolve("broken"));
    Files.writeString(
        dir.resolve("bad.yaml"),
        "rules:\n  - name: r\n    description: d\n    match: change.environment == \n    effect: deny\n    enforcement: hard\n    message: m\n");
    CliRun r = CliRun.of("policy", "test", dir.toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.out() + r.err()).contains("bad.yaml:4:");
  }

  @Test
  void policyTestWithAFailingCase_exits1() throws Exception {
    Path dir = Files.createDirectory(tmp.resolve("p"));
    Files.writeString(
        dir.resolve("deny.yaml"),
        "rules:\n  - name: deny-prod\n    description: d\n    match: change.environment == 'production'\n    effect: deny\n    enforcement: hard\n    message: no\n");
    Files.writeString(
        dir.resolve("deny_test.yaml"),
        """
        org:
          humans:
            - {id: sam, level: senior, teams: [payments]}
        tests:
          - name: wrongly expects allow
            now: 2026-11-22T10:00:00Z
            change: {kind: shell, environment: production, services: [], aiAssisted: false, title: t}
            author: sam
            analysis: {actions: [{verb: exec, resourceType: command, address: ls, stateful: false}]}
            expect: {decision: allow}
        """);
    CliRun r = CliRun.of("policy", "test", dir.toString());
    assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(1);
  }

  @Test
  void tokenCreateForUnknownPrincipal_exits2() {
    CliRun r = CliRun.of("token", "create", "--principal", "mallory", "--data-dir", tmp.toString(), "--org", "../org.yaml");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("mallory");
  }

  @Test
  void tokenCreate_printsTheTokenOnTheLastLine() {
    CliRun r = CliRun.of("token", "create", "--principal", "sam", "--data-dir", tmp.toString(), "--org", "../org.yaml");
    assertThat(r.exitCode()).as(r.err()).isZero();
    String[] lines = r.out().strip().split("\n");
    assertThat(lines[lines.length - 1]).startsWith("cs_");
  }
}
