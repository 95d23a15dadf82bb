package dev.countersign.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code countersign agent …} against a live server over HTTP, tokens from {@code token create}. */
class AgentCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dataDir;
  private LiveServer server;

  @BeforeEach
  void start() {
    server = new LiveServer(dataDir, Duration.ZERO);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private CliRun agent(String token, String... args) {
    List<String> all = new ArrayList<>(List.of("agent"));
    all.addAll(List.of(args));
    all.addAll(List.of("--server", server.url(), "--token", token));
    return CliRun.of(all.toArray(String[]::new));
  }

  private static JsonNode json(CliRun r) {
    try {
      return JSON.readTree(r.out());
    } catch (Exception e) {
      throw new AssertionError("not JSON: " + r.out() + r.err(), e);
    }
  }

  @Test
  void sponsorCreatesAndGrants_seniorRevokes_listShowsIt() {
    String mia = server.token("mia");
    CliRun created = agent(mia, "create", "kiro-9", "--sponsor", "mia", "--model", "example/agent-2");
    assertThat(created.exitCode()).as(created.err()).isZero();
    assertThat(created.out()).contains("Created agent kiro-9 (sponsor mia");

    CliRun granted = agent(mia, "grant", "kiro-9", "--env", "staging", "--service", "payments-api",
        "--verb", "read,update", "--expires", "2099-01-01T00:00:00Z", "--reason", "staging rollouts", "--json");
    assertThat(granted.exitCode()).as(granted.err()).isZero();
    String grantId = json(granted).path("id").asText();
    assertThat(grantId).startsWith("gr_");

    CliRun list = agent(server.token("jo"), "list");
    assertThat(list.exitCode()).as(list.err()).isZero();
    assertThat(list.out()).contains("kiro-9  sponsor mia", "from api", grantId + " [active] read,update on payments-api in staging");

    CliRun revoked = agent(server.token("sam"), "revoke", "kiro-9", grantId);
    assertThat(revoked.exitCode()).as(revoked.err()).isZero();
    assertThat(revoked.out()).contains("Revoked " + grantId, "effective now: nothing");
  }

  @Test
  void operatorLevelGrant_isAnInputError_namingWhy() {
    String mia = server.token("mia");
    agent(mia, "create", "kiro-9", "--sponsor", "mia", "--model", "m");
    CliRun r = agent(mia, "grant", "kiro-9", "--env", "production", "--service", "*",
        "--verb", "create,update,delete,replace,exec", "--expires", "2099-01-01T00:00:00Z", "--reason", "all");

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("operator-level grant refused");
  }

  @Test
  void agentElevates_withItsOwnToken_itsSeniorSponsorMayNotApprove_anotherSeniorMay() {
    agent(server.token("sam"), "create", "kiro-9", "--sponsor", "sam", "--model", "m");
    String agentToken = server.token("kiro-9");
    CliRun asked = agent(agentToken, "elevate", "kiro-9", "--env", "production", "--service", "payments-api",
        "--verb", "update", "--duration", "PT1H", "--reason", "incident 42", "--json");
    assertThat(asked.exitCode()).as(asked.err()).isZero();
    assertThat(json(asked).path("state").asText()).isEqualTo("pending");
    String id = json(asked).path("id").asText();

    CliRun bySponsor = agent(server.token("sam"), "approve-elevation", "kiro-9", id);
    assertThat(bySponsor.exitCode()).isEqualTo(1);
    assertThat(bySponsor.err()).contains("refused", "second pair of eyes");
    CliRun byAgent = agent(agentToken, "approve-elevation", "kiro-9", id);
    assertThat(byAgent.exitCode()).isEqualTo(1);

    CliRun byMid = agent(server.token("mia"), "approve-elevation", "kiro-9", id);
    assertThat(byMid.exitCode()).isEqualTo(1);
    assertThat(byMid.err()).contains("mia is mid");

    CliRun bySenior = agent(server.token("priya"), "approve-elevation", "kiro-9", id);
    assertThat(bySenior.exitCode()).as(bySenior.err()).isZero();
    assertThat(bySenior.out()).contains("Approved " + id + ": kiro-9 may update on payments-api in production until");
  }

  @Test
  void agentToken_cannotCreateAgents() {
    CliRun r = agent(server.token("kiro-7"), "create", "kiro-9", "--sponsor", "mia", "--model", "m");

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).contains("only humans manage agents");
  }
}
