package dev.countersign.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.server.TestServer.Response;
import dev.countersign.store.AuditRecord;
import dev.countersign.store.StoreConfig;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Agents managed through {@code /v1/agents} end to end: a real server, a real database (H2 and
 * PostgreSQL subclasses), real HTTP; rights are checked by proposing changes as the agent.
 */
abstract class AgentApiEndToEndTest {
  private static final String RESTART = "kubectl rollout restart deployment/web -n shop";
  private static final String STAGING_UPDATE =
      "{\"environments\":[\"staging\"],\"services\":[\"*\"],\"verbs\":[\"read\",\"update\",\"exec\"],"
          + "\"expires\":\"2026-12-01T00:00:00Z\",\"reason\":\"rollouts in staging\"}";

  private TestServer server;

  /** A fresh, empty database for this test. */
  abstract StoreConfig database() throws Exception;

  @BeforeEach
  void start() throws Exception {
    server = new TestServer(database());
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private Response create(String caller, String id, String sponsor) {
    return server.post("/v1/agents", server.token(caller),
        "{\"id\":\"" + id + "\",\"sponsor\":\"" + sponsor + "\",\"model\":\"example/agent-2\"}");
  }

  private Response restartAs(String agent, String env) {
    return server.post("/v1/changes", server.token(agent),
        "{\"kind\":\"shell\",\"environment\":\"" + env + "\",\"services\":[\"payments-api\"],"
            + "\"title\":\"t\",\"content\":\"" + RESTART + "\"}");
  }

  private Response elevate(String agent, String body) {
    return server.post("/v1/agents/" + agent + "/elevations", server.token(agent), body);
  }

  private static final String PROD_ELEVATION =
      "{\"environments\":[\"production\"],\"services\":[\"payments-api\"],\"verbs\":[\"read\",\"update\",\"exec\"],"
          + "\"duration\":\"PT2H\",\"reason\":\"incident 42: restart web\"}";

  @Test
  void sponsorCreatesAnAgent_thatHasNoRightsUntilGranted_thenHasThem() {
    Response created = create("mia", "kiro-9", "mia");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(created.json().path("source").asText()).isEqualTo("api");

    Response before = restartAs("kiro-9", "staging");
    assertThat(before.status()).as(before.body()).isEqualTo(201);
    assertThat(before.json().path("state").asText()).isEqualTo("denied");
    assertThat(before.body()).contains("kiro-9 may not");

    Response grant = server.post("/v1/agents/kiro-9/grants", server.token("mia"), STAGING_UPDATE);
    assertThat(grant.status()).as(grant.body()).isEqualTo(201);
    assertThat(grant.json().path("state").asText()).isEqualTo("active");
    assertThat(grant.json().path("id").asText()).startsWith("gr_");

    Response after = restartAs("kiro-9", "staging");
    assertThat(after.json().path("state").asText()).as(after.body()).isNotEqualTo("denied");
  }

  @Test
  void revokedGrant_takesEffectOnTheNextDecision() {
    create("mia", "kiro-9", "mia");
    String grantId = server.post("/v1/agents/kiro-9/grants", server.token("mia"), STAGING_UPDATE)
        .json().path("id").asText();
    assertThat(restartAs("kiro-9", "staging").json().path("state").asText()).isNotEqualTo("denied");

    Response revoked = server.delete("/v1/agents/kiro-9/grants/" + grantId, server.token("sam"));
    assertThat(revoked.status()).as(revoked.body()).isEqualTo(200);
    assertThat(revoked.json().path("state").asText()).isEqualTo("revoked");
    assertThat(revoked.json().path("revokedBy").asText()).isEqualTo("sam");

    assertThat(restartAs("kiro-9", "staging").json().path("state").asText()).isEqualTo("denied");
    assertThat(server.delete("/v1/agents/kiro-9/grants/" + grantId, server.token("sam")).status()).isEqualTo(409);
  }

  @Test
  void expiredGrant_givesNoRights() {
    create("mia", "kiro-9", "mia");
    server.post("/v1/agents/kiro-9/grants", server.token("mia"), STAGING_UPDATE);
    server.advance(Duration.ofDays(10));

    Response r = restartAs("kiro-9", "staging");
    assertThat(r.json().path("state").asText()).isEqualTo("denied");
    assertThat(r.body()).contains("expired");
  }

  @Test
  void operatorLevelGrant_isRefusedNamingWhy() {
    create("mia", "kiro-9", "mia");
    Response r = server.post("/v1/agents/kiro-9/grants", server.token("mia"),
        "{\"environments\":[\"production\"],\"services\":[\"*\"],"
            + "\"verbs\":[\"create\",\"update\",\"delete\",\"replace\",\"exec\"],"
            + "\"expires\":\"2026-12-01T00:00:00Z\",\"reason\":\"everything\"}");
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().path("message").asText()).contains("operator-level grant refused");
  }

  @Test
  void agentAndServiceTokens_cannotManageAgents() {
    assertThat(create("kiro-7", "kiro-9", "mia").status()).isEqualTo(403);
    assertThat(create("deploy-bot", "kiro-9", "mia").status()).isEqualTo(403);
    assertThat(server.get("/v1/agents", server.token("kiro-7")).status()).isEqualTo(403);
  }

  @Test
  void onlyTheSponsorOrASenior_mayCreateAnAgentForASponsor() {
    assertThat(create("jo", "kiro-9", "mia").status()).isEqualTo(403);
    assertThat(create("sam", "kiro-9", "mia").status()).isEqualTo(201);
    assertThat(create("jo", "jo-bot", "jo").status()).isEqualTo(201);
  }

  @Test
  void agentIdDefinedInOrgYaml_orTakenAlready_isAConflict() {
    assertThat(create("sam", "kiro-7", "mia").status()).isEqualTo(409);
    assertThat(create("sam", "mia", "mia").status()).isEqualTo(409);
    assertThat(create("sam", "kiro-9", "mia").status()).isEqualTo(201);
    assertThat(create("sam", "kiro-9", "mia").status()).isEqualTo(409);
  }

  @Test
  void unknownSponsor_orUnknownField_isABadRequest() {
    assertThat(create("sam", "kiro-9", "nobody").status()).isEqualTo(400);
    Response r = server.post("/v1/agents", server.token("sam"),
        "{\"id\":\"kiro-9\",\"sponsor\":\"mia\",\"model\":\"m\",\"admin\":true}");
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().path("message").asText()).contains("unknown field 'admin'");
  }

  @Test
  void grantTheSponsorDoesNotHold_isAccepted_butEffectiveRightsStayTheIntersection() {
    create("li", "li-bot", "li");
    Response r = server.post("/v1/agents/li-bot/grants", server.token("li"), STAGING_UPDATE);

    assertThat(r.status()).as(r.body()).isEqualTo(201);
    assertThat(r.json().path("note").asText()).contains("sponsor li does not hold all of it");
    assertThat(r.json().path("effective")).hasSize(1);
    assertThat(r.json().path("effective").get(0).path("services").get(0).asText()).isEqualTo("platform-k8s");
    assertThat(r.json().path("effective").get(0).path("verbs").toString()).isEqualTo("[\"read\",\"update\"]");
    assertThat(restartAs("li-bot", "staging").json().path("state").asText()).isEqualTo("denied");
  }

  @Test
  void grantWithinTheSponsorsRights_hasNoNote() {
    create("mia", "kiro-9", "mia");
    Response r = server.post("/v1/agents/kiro-9/grants", server.token("mia"), STAGING_UPDATE);
    assertThat(r.status()).isEqualTo(201);
    assertThat(r.json().has("note")).isFalse();
  }

  @Test
  void writes_areAuditEvents() {
    long before = server.auditCount();
    create("mia", "kiro-9", "mia");
    String grantId = server.post("/v1/agents/kiro-9/grants", server.token("mia"), STAGING_UPDATE)
        .json().path("id").asText();
    server.delete("/v1/agents/kiro-9/grants/" + grantId, server.token("mia"));

    List<AuditRecord> events = server.store.transaction(tx -> tx.audit().range(before + 1, 10));
    assertThat(events).extracting(AuditRecord::type)
        .containsExactly("agent.created", "agent.grant.added", "agent.grant.revoked");
    assertThat(events).extracting(AuditRecord::actor).containsExactly("mia", "mia", "mia");
  }

  @Test
  void list_showsManagedAndOrgYamlAgents() {
    create("mia", "kiro-9", "mia");
    server.post("/v1/agents/kiro-9/grants", server.token("mia"), STAGING_UPDATE);

    Response r = server.get("/v1/agents", server.token("jo"));
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().path("agents").findValuesAsText("id")).contains("kiro-7", "kiro-9");
    assertThat(r.body()).contains("\"source\":\"api\"", "\"source\":\"org.yaml\"", "rollouts in staging");
  }

  @Test
  void pendingElevation_givesNoRights_approvedGivesThemUntilExpiry_thenNone() {
    create("mia", "kiro-9", "mia");
    Response pending = elevate("kiro-9", PROD_ELEVATION);
    assertThat(pending.status()).as(pending.body()).isEqualTo(201);
    assertThat(pending.json().path("state").asText()).isEqualTo("pending");
    String id = pending.json().path("id").asText();
    assertThat(restartAs("kiro-9", "production").json().path("state").asText()).isEqualTo("denied");

    server.advance(Duration.ofMinutes(30));
    Response approved = server.post("/v1/agents/kiro-9/elevations/" + id + "/approve", server.token("sam"), "");
    assertThat(approved.status()).as(approved.body()).isEqualTo(200);
    assertThat(approved.json().path("state").asText()).isEqualTo("active");
    assertThat(approved.json().path("expires").asText()).isEqualTo("2026-11-22T12:30:00Z");
    assertThat(restartAs("kiro-9", "production").json().path("state").asText()).isNotEqualTo("denied");

    server.advance(Duration.ofHours(2));
    assertThat(restartAs("kiro-9", "production").json().path("state").asText()).isEqualTo("denied");
  }

  @Test
  void elevation_cannotBeApprovedByTheAgent_itsSponsor_aJunior_orTwice() {
    create("mia", "kiro-9", "mia");
    String id = elevate("kiro-9", PROD_ELEVATION).json().path("id").asText();
    String path = "/v1/agents/kiro-9/elevations/" + id + "/approve";

    assertThat(server.post(path, server.token("kiro-9"), "").status()).isEqualTo(403);
    assertThat(server.post(path, server.token("deploy-bot"), "").status()).isEqualTo(403);
    assertThat(server.post(path, server.token("mia"), "").status()).isEqualTo(403);
    assertThat(server.post(path, server.token("jo"), "").status()).isEqualTo(403);
    assertThat(server.post(path, server.token("ravi"), "").status()).isEqualTo(200);
    assertThat(server.post(path, server.token("sam"), "").status()).isEqualTo(409);

    List<AuditRecord> events = server.store.transaction(tx -> tx.audit().range(1, 100));
    assertThat(events).filteredOn(e -> e.type().startsWith("agent.elevation."))
        .extracting(AuditRecord::type, AuditRecord::actor)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("agent.elevation.requested", "kiro-9"),
            org.assertj.core.groups.Tuple.tuple("agent.elevation.approved", "ravi"));
  }

  @Test
  void elevation_isAskedByTheAgentItselfOnly_forAtMostEightHours() {
    create("mia", "kiro-9", "mia");
    create("mia", "kiro-10", "mia");
    assertThat(server.post("/v1/agents/kiro-9/elevations", server.token("mia"), PROD_ELEVATION).status())
        .isEqualTo(403);
    assertThat(server.post("/v1/agents/kiro-9/elevations", server.token("kiro-10"), PROD_ELEVATION).status())
        .isEqualTo(403);
    Response tooLong = elevate("kiro-9", PROD_ELEVATION.replace("PT2H", "PT9H"));
    assertThat(tooLong.status()).isEqualTo(400);
    assertThat(tooLong.json().path("message").asText()).contains("at most PT8H");
  }
}
