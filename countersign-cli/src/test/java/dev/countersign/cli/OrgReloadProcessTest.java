package dev.countersign.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code countersign serve --org FILE} as a real process while its org file is edited: the next
 * decision over HTTP after a reload uses the new directory, a broken file keeps the directory in
 * force (and says why), and fixing the file reloads.
 */
class OrgReloadProcessTest {
  private static final Pattern RELOADED = Pattern.compile("countersign: directory reloaded from .*org\\.yaml");
  private static final Pattern NOT_RELOADED = Pattern.compile("countersign: .*org\\.yaml not reloaded, the directory in force stays: (.+)");

  /** Mia (mid) sponsors kiro-7, which may change payments-api in staging; Sam is senior. */
  private static final String ORG = """
      humans:
        - id: mia
          level: mid
          teams: [payments]
        - id: sam
          level: senior
          teams: [payments]
      agents:
        - id: kiro-7
          sponsor: mia
          model: agent-1
          grants:
            - environments: [staging]
              services: [payments-api]
              verbs: [read, create, update, exec]
              expires: 2099-01-01T00:00:00Z
      """;
  /** Mia now holds only rights in dev: her agent keeps its own grant, but effective rights are ∩. */
  private static final String MIA_BOUNDED_TO_DEV = edited(ORG, "    teams: [payments]\n  - id: sam",
      "    teams: [payments]\n"
          + "    grants:\n"
          + "      - environments: [dev]\n"
          + "        services: [payments-api]\n"
          + "        verbs: [read, create, update, exec]\n"
          + "        expires: 2099-01-01T00:00:00Z\n"
          + "  - id: sam");
  private static final String SAM_DEMOTED = edited(ORG, "level: senior", "level: junior");

  private static final String PRODUCTION_SCALE =
      "{\"kind\":\"shell\",\"environment\":\"production\",\"services\":[\"payments-api\"],"
          + "\"aiAssisted\":true,\"content\":\"kubectl scale deployment/web --replicas=3\"}";
  private static final String STAGING_SCALE =
      "{\"kind\":\"shell\",\"environment\":\"staging\",\"services\":[\"payments-api\"],"
          + "\"content\":\"kubectl scale deployment/web --replicas=3\"}";

  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper mapper = new ObjectMapper();

  @TempDir Path temp;
  private Path orgFile;
  private Path dataDir;

  @BeforeEach
  void writeOrg() throws IOException {
    // The org file in a folder of its own: the server's database files are not next to it.
    orgFile = Files.createDirectories(temp.resolve("org")).resolve("org.yaml");
    dataDir = temp.resolve("data");
    Files.writeString(orgFile, ORG);
  }

  @Test
  void reviewerDemotedInOrgFile_isNoLongerEligible_fromTheNextReview() throws Exception {
    try (ServerProcess server = serve()) {
      String mia = token("mia");
      String sam = token("sam");
      JsonNode approvedBefore = propose(server, mia, PRODUCTION_SCALE);
      JsonNode pending = propose(server, mia, PRODUCTION_SCALE.replace("=3", "=4"));
      assertThat(pending.path("state").asText()).isEqualTo("pending");
      HttpResponse<String> approved = review(server, sam, approvedBefore);
      assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
      assertThat(mapper.readTree(approved.body()).path("state").asText()).isEqualTo("approved");

      editOrg(server, SAM_DEMOTED);

      HttpResponse<String> refused = review(server, sam, pending);
      assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
      assertThat(get(server, mia, pending).path("state").asText()).isEqualTo("pending");
      // Reading a change re-decides it: the approval of a reviewer no longer senior stops counting.
      assertThat(get(server, mia, approvedBefore).path("state").asText()).isEqualTo("pending");
    }
  }

  @Test
  void sponsorLosingRightsInOrgFile_takesThemFromTheAgent_atTheNextDecision() throws Exception {
    try (ServerProcess server = serve()) {
      String agent = token("kiro-7");
      assertThat(propose(server, agent, STAGING_SCALE).path("state").asText()).isEqualTo("allowed");

      editOrg(server, MIA_BOUNDED_TO_DEV);

      JsonNode after = propose(server, agent, STAGING_SCALE);
      assertThat(after.path("state").asText()).as(after.toString()).isEqualTo("denied");
    }
  }

  @Test
  void brokenOrgFile_keepsTheDirectoryInForce_untilItIsFixed() throws Exception {
    try (ServerProcess server = serve()) {
      String agent = token("kiro-7");
      // Would take Mia's rights away if any of it were applied; the unknown level makes it invalid.
      String broken = edited(MIA_BOUNDED_TO_DEV, "level: senior", "level: overlord");

      int from = server.linesSoFar();
      Files.writeString(orgFile, broken);
      String problem = server.awaitLine(NOT_RELOADED, from).map(m -> m.group(1))
          .orElseThrow(() -> new AssertionError("no 'not reloaded' line; output:\n" + server.output()));

      assertThat(problem).contains("overlord");
      assertThat(propose(server, agent, STAGING_SCALE).path("state").asText()).isEqualTo("allowed");

      editOrg(server, MIA_BOUNDED_TO_DEV);

      assertThat(propose(server, agent, STAGING_SCALE).path("state").asText()).isEqualTo("denied");
    }
  }

  private ServerProcess serve() throws IOException {
    return ServerProcess.start("--data-dir", dataDir.toString(), "--org", orgFile.toString());
  }

  private String token(String principal) {
    return ServerProcess.createToken(principal, "--data-dir", dataDir.toString(), "--org", orgFile.toString());
  }

  /** Writes the org file and waits until the server says it reloaded it. */
  private void editOrg(ServerProcess server, String content) throws IOException {
    int from = server.linesSoFar();
    Files.writeString(orgFile, content);
    Matcher reloaded = server.awaitLine(RELOADED, from)
        .orElseThrow(() -> new AssertionError("org file not reloaded; output:\n" + server.output()));
    assertThat(reloaded.group()).contains(orgFile.getFileName().toString());
  }

  private JsonNode propose(ServerProcess server, String token, String body) throws Exception {
    HttpResponse<String> r = send(server, token, "/v1/changes", body);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return mapper.readTree(r.body());
  }

  private HttpResponse<String> review(ServerProcess server, String token, JsonNode change) throws Exception {
    String body = "{\"verdict\":\"approve\",\"digest\":\"" + change.path("digest").asText() + "\",\"comment\":\"ok\"}";
    return send(server, token, "/v1/changes/" + change.path("id").asText() + "/reviews", body);
  }

  private JsonNode get(ServerProcess server, String token, JsonNode change) throws Exception {
    HttpResponse<String> r = http.send(
        HttpRequest.newBuilder(URI.create(server.url() + "/v1/changes/" + change.path("id").asText()))
            .header("Authorization", "Bearer " + token)
            .build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return mapper.readTree(r.body());
  }

  private HttpResponse<String> send(ServerProcess server, String token, String path, String body) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(server.url() + path))
            .header("Authorization", "Bearer " + token)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  /** {@code text} with {@code from} replaced; fails if {@code from} is not there (a fixture typo). */
  private static String edited(String text, String from, String to) {
    if (!text.contains(from)) {
      throw new IllegalArgumentException("fixture has no '" + from + "'");
    }
    return text.replace(from, to);
  }
}
