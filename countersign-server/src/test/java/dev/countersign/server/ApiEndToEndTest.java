package dev.countersign.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.server.TestServer.Response;
import dev.countersign.store.StoreConfig;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The HTTP API end to end: a real server on a random port, a real database, real HTTP. Subclasses
 * pick the database (H2 file, PostgreSQL).
 */
abstract class ApiEndToEndTest {
  private TestServer server;

  /** The database this run uses. */
  abstract StoreConfig database() throws Exception;

  @BeforeEach
  void start() throws Exception {
    server = new TestServer(database());
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private static String shell(String env, String command, boolean aiAssisted) {
    return "{\"kind\":\"shell\",\"environment\":\"" + env + "\",\"services\":[\"payments-api\"],\"aiAssisted\":"
        + aiAssisted + ",\"title\":\"t\",\"content\":" + quote(command) + "}";
  }

  private static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  private Response proposeAsMia(String command) {
    Response r = server.post("/v1/changes", server.token("mia"), shell("production", command, true));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r;
  }

  private Response review(String who, Response change, String verdict) {
    return server.post(
        "/v1/changes/" + change.json().path("id").asText() + "/reviews",
        server.token(who),
        "{\"verdict\":\"" + verdict + "\",\"digest\":\"" + change.json().path("digest").asText() + "\",\"comment\":\"ok\"}");
  }

  @Test
  void callWithoutToken_isUnauthorized() {
    Response r = server.post("/v1/changes", null, shell("production", "ls", false));
    assertThat(r.status()).isEqualTo(401);
    assertThat(r.json().path("error").asText()).isEqualTo("unauthorized");
  }

  @Test
  void callWithUnknownToken_isUnauthorized() {
    assertThat(server.get("/v1/changes", "cs_not-a-real-token").status()).isEqualTo(401);
  }

  @Test
  void aiAssistedProductionChangeByMidLevelAuthor_waitsForASenior() {
    Response r = proposeAsMia("kubectl rollout restart deployment/web -n shop");
    assertThat(r.json().path("state").asText()).isEqualTo("pending");
    assertThat(r.json().path("digest").asText()).startsWith("sha256:");
    assertThat(r.json().path("decision").path("decision").asText()).isEqualTo("needs_approval");
    assertThat(r.json().path("decision").path("matched").toString()).contains("ai-assisted-production-needs-senior");
    assertThat(r.json().path("decision").path("reasons").size()).isPositive();
  }

  @Test
  void lowRiskChange_isAllowedWithoutReview() {
    Response r = server.post("/v1/changes", server.token("sam"), shell("staging", "ls -la /srv", false));
    assertThat(r.status()).isEqualTo(201);
    assertThat(r.json().path("state").asText()).isEqualTo("allowed");
    assertThat(r.json().path("decision").path("decision").asText()).isEqualTo("allow");
  }

  @Test
  void seniorApproval_approvesTheChange_andIsAudited() {
    Response change = proposeAsMia("kubectl rollout restart deployment/web -n shop");
    long before = server.auditCount();
    Response r = review("sam", change, "approve");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(r.json().path("state").asText()).isEqualTo("approved");
    assertThat(r.json().path("decision").path("decision").asText()).isEqualTo("allow");
    assertThat(server.auditCount()).isEqualTo(before + 2);
    Response read = server.get("/v1/changes/" + change.json().path("id").asText(), server.token("jo"));
    assertThat(read.json().path("state").asText()).isEqualTo("approved");
    assertThat(read.json().path("reviews").get(0).path("reviewer").asText()).isEqualTo("sam");
  }

  @Test
  void authorApprovingOwnChange_isForbidden() {
    Response change = proposeAsMia("kubectl rollout restart deployment/web -n shop");
    Response r = review("mia", change, "approve");
    assertThat(r.status()).isEqualTo(403);
    assertThat(r.json().path("message").asText()).isNotBlank();
  }

  @Test
  void agentApproving_isForbidden() {
    Response change = proposeAsMia("kubectl rollout restart deployment/web -n shop");
    Response r = review("kiro-7", change, "approve");
    assertThat(r.status()).isEqualTo(403);
    assertThat(r.json().path("message").asText()).contains("agent");
  }

  @Test
  void serviceIdentityApproving_isForbidden() {
    Response change = proposeAsMia("kubectl rollout restart deployment/web -n shop");
    assertThat(review("deploy-bot", change, "approve").status()).isEqualTo(403);
  }

  @Test
  void reviewerBelowTheRequiredLevel_isForbidden() {
    Response change = proposeAsMia("kubectl rollout restart deployment/web -n shop");
    Response r = review("jo", change, "approve");
    assertThat(r.status()).isEqualTo(403);
  }

  @Test
  void agentsChange_isAuthoredByItsSponsor_whoCannotApproveIt() {
    Response change =
        server.post("/v1/changes", server.token("kiro-7"), shell("production", "kubectl rollout restart deployment/web", false));
    assertThat(change.status()).as(change.body()).isEqualTo(201);
    assertThat(change.json().path("author").asText()).isEqualTo("mia");
    assertThat(change.json().path("agent").asText()).isEqualTo("kiro-7");
    assertThat(change.json().path("aiAssisted").asBoolean()).isTrue();
    assertThat(change.json().path("state").asText()).isEqualTo("pending");
    assertThat(review("mia", change, "approve").status()).isEqualTo(403);
    assertThat(review("sam", change, "approve").json().path("state").asText()).isEqualTo("approved");
  }

  @Test
  void agentDeletingProductionData_isDenied() {
    Response r =
        server.post("/v1/changes", server.token("kiro-7"), shell("production", "psql -c \"DROP TABLE payments\"", false));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    assertThat(r.json().path("state").asText()).isEqualTo("denied");
    assertThat(r.json().path("decision").path("decision").asText()).isEqualTo("deny");
  }

  @Test
  void reviewOfAStaleDigest_isAConflict() {
    Response change = proposeAsMia("kubectl rollout restart deployment/web -n shop");
    Response r =
        server.post(
            "/v1/changes/" + change.json().path("id").asText() + "/reviews",
            server.token("sam"),
            "{\"verdict\":\"approve\",\"digest\":\"sha256:0000\",\"comment\":\"\"}");
    assertThat(r.status()).isEqualTo(409);
  }

  @Test
  void approvalsExpire_andTheChangeGoesBackToPending() {
    Response change = proposeAsMia("kubectl rollout restart deployment/web -n shop");
    assertThat(review("sam", change, "approve").json().path("state").asText()).isEqualTo("approved");
    server.advance(Duration.ofHours(25));
    Response read = server.get("/v1/changes/" + change.json().path("id").asText(), server.token("sam"));
    assertThat(read.json().path("state").asText()).isEqualTo("pending");
  }

  @Test
  void rejectByAnEligibleReviewer_rejectsTheChange() {
    Response change = proposeAsMia("kubectl rollout restart deployment/web -n shop");
    Response r = review("priya", change, "reject");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().path("state").asText()).isEqualTo("rejected");
    assertThat(r.json().path("decision").path("decision").asText()).isEqualTo("deny");
  }

  @Test
  void pendingChanges_areListed() {
    Response change = proposeAsMia("kubectl rollout restart deployment/web -n shop");
    Response list = server.get("/v1/changes?state=pending", server.token("sam"));
    assertThat(list.status()).isEqualTo(200);
    assertThat(list.json().path("changes").toString()).contains(change.json().path("id").asText());
  }

  @Test
  void malformedJson_isABadRequest_andStoresNothing() {
    long before = server.auditCount();
    Response r = server.post("/v1/changes", server.token("mia"), "{\"kind\": \"shell\", ");
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().path("message").asText()).contains("malformed JSON");
    assertThat(server.auditCount()).isEqualTo(before);
  }

  @Test
  void unknownField_isABadRequestNamingIt() {
    Response r =
        server.post("/v1/changes", server.token("mia"), "{\"environment\":\"production\",\"content\":\"ls\",\"autor\":\"x\"}");
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().path("message").asText()).contains("autor");
  }

  @Test
  void invalidUtf8Body_isABadRequest() {
    byte[] body = "{\"environment\":\"production\",\"content\":\"ls \u0000\"}".getBytes(StandardCharsets.UTF_8);
    byte[] broken = new byte[body.length + 2];
    System.arraycopy(body, 0, broken, 0, body.length);
    broken[body.length] = (byte) 0xC3;
    broken[body.length + 1] = (byte) 0x28;
    Response r = server.postBytes("/v1/changes", server.token("mia"), broken);
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().path("message").asText()).contains("UTF-8");
  }

  @Test
  void malformedPlanContent_isABadRequest_andStoresNothing() {
    long before = server.auditCount();
    Response r =
        server.post(
            "/v1/changes",
            server.token("mia"),
            "{\"kind\":\"terraform-plan\",\"environment\":\"production\",\"content\":\"{\\\"resource_changes\\\": [\"}");
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().path("error").asText()).isEqualTo("invalid_content");
    assertThat(server.auditCount()).isEqualTo(before);
  }

  @Test
  void deeplyNestedBody_isABadRequest() {
    String deep = "[".repeat(5000) + "]".repeat(5000);
    Response r = server.post("/v1/changes", server.token("mia"), "{\"environment\":\"production\",\"content\":" + deep + "}");
    assertThat(r.status()).isEqualTo(400);
  }

  @Test
  void bodyOverTheSizeLimit_isABadRequestWithAJsonBody_andStoresNothing() {
    long before = server.auditCount();
    String huge = "{\"environment\":\"production\",\"content\":\"" + "a".repeat(9 * 1024 * 1024) + "\"}";
    Response r = server.post("/v1/changes", server.token("mia"), huge);
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().path("message").asText()).contains("larger than the limit");
    assertThat(server.auditCount()).isEqualTo(before);
  }

  @Test
  void bodyWithoutADeclaredLength_isReadUpToTheLimit_andOverItIsABadRequest() {
    String small = "{\"environment\":\"staging\",\"services\":[\"web\"],\"aiAssisted\":false,\"title\":\"ls\",\"kind\":\"shell\",\"content\":\"ls\"}";
    Response ok = server.postChunked("/v1/changes", server.token("mia"), small.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertThat(ok.status()).as(ok.body()).isEqualTo(201);

    long before = server.auditCount();
    String huge = "{\"environment\":\"production\",\"content\":\"" + "a".repeat(9 * 1024 * 1024) + "\"}";
    Response r = server.postChunked("/v1/changes", server.token("mia"), huge.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().path("message").asText()).contains("larger than the limit");
    assertThat(server.auditCount()).isEqualTo(before);
  }

  @Test
  void unknownChange_isNotFound() {
    assertThat(server.get("/v1/changes/ch_nope", server.token("sam")).status()).isEqualTo(404);
  }
}
