package dev.countersign.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code countersign approve|reject ID} against a real server. */
class ReviewCommandTest {
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

  private String pendingChange() {
    JsonNode c = server.post("/v1/changes", server.token("mia"),
        "{\"kind\":\"shell\",\"environment\":\"production\",\"services\":[\"payments-api\"],\"aiAssisted\":true,"
            + "\"title\":\"restart web\",\"content\":\"kubectl rollout restart deployment/web -n shop\"}");
    assertThat(c.path("state").asText()).isEqualTo("pending");
    return c.path("id").asText();
  }

  @Test
  void seniorApproving_showsTheChangeAndRecordsTheApproval() {
    String id = pendingChange();

    CliRun r = CliRun.of("approve", id, "--comment", "looks right", "--server", server.url(), "--token", server.token("sam"));

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("Change " + id + " (pending): restart web")
        .contains("environment production")
        .contains("Approving digest sha256:")
        .contains("is now approved");
    assertThat(server.get("/v1/changes/" + id, server.token("sam")).path("reviews").get(0).path("comment").asText())
        .isEqualTo("looks right");
  }

  @Test
  void authorApprovingOwnChange_isRefusedWithExitCode1() {
    String id = pendingChange();

    CliRun r = CliRun.of("approve", id, "--server", server.url(), "--token", server.token("mia"));

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).contains("refused");
  }

  @Test
  void seniorRejecting_rejectsTheChange() {
    String id = pendingChange();

    CliRun r = CliRun.of("reject", id, "--comment", "not today", "--server", server.url(), "--token", server.token("sam"));

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("is now rejected");
  }

  @Test
  void unknownChange_isAnInputError() {
    CliRun r = CliRun.of("approve", "ch_nope", "--server", server.url(), "--token", server.token("sam"));

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("cannot read change ch_nope");
  }

  @Test
  void unreachableServer_isAnInputError() {
    CliRun r = CliRun.of("approve", "ch_x", "--server", "http://127.0.0.1:1", "--token", "cs_x");

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("cannot reach the Countersign server");
  }
}
