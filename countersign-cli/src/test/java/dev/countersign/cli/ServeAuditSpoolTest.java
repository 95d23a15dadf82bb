package dev.countersign.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.store.AuditRecord;
import dev.countersign.store.AuditSpool;
import dev.countersign.store.Store;
import dev.countersign.store.StoreConfig;
import dev.countersign.store.Tx;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code countersign serve} on embedded H2 writes the audit events of hook decisions through its
 * audit spool: an answered decision is in the audit log after a kill -9, once the server starts
 * again, and only once.
 */
class ServeAuditSpoolTest {
  @TempDir Path dir;

  @Test
  void hookDecisionsAnsweredBeforeAKill9_areInTheAuditLogOnce_afterTheNextStart() throws Exception {
    Path data = dir.resolve("data");
    int calls = 40;
    try (ServerProcess server = ServerProcess.start("--data-dir", data.toString(), "--org", "../org.yaml")) {
      CliRun token = CliRun.of("token", "create", "--principal", "kiro-7", "--env", "production", "--service", "payments-api",
          "--data-dir", data.toString(), "--org", "../org.yaml");
      assertThat(token.exitCode()).as(token.err()).isZero();
      String[] lines = token.out().strip().split("\n");
      String agentToken = lines[lines.length - 1].strip();
      HttpClient http = HttpClient.newHttpClient();
      for (int k = 0; k < calls; k++) {
        String body = "{\"session_id\":\"spool-" + k + "\",\"cwd\":\"/tmp\",\"hook_event_name\":\"PreToolUse\","
            + "\"permission_mode\":\"default\",\"tool_name\":\"Bash\",\"tool_input\":{\"command\":\"ls\"},\"tool_use_id\":\"t" + k + "\"}";
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(server.url() + "/v1/hooks/claude-code"))
            .header("Authorization", "Bearer " + agentToken).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
            HttpResponse.BodyHandlers.ofString());
        assertThat(r.body()).contains("\"permissionDecision\":\"allow\"");
      }
      server.process().toHandle().destroyForcibly(); // kill -9 right after the last answer
      server.process().waitFor(30, TimeUnit.SECONDS);
    }
    assertThat(Files.size(data.resolve(AuditSpool.FILE_NAME))).isPositive();

    try (ServerProcess again = ServerProcess.start("--data-dir", data.toString(), "--org", "../org.yaml")) {
      assertThat(again.url()).startsWith("http://"); // listening: the spool was recovered at start
    }

    try (Store store = Store.open(StoreConfig.h2File(data))) {
      List<String> sessions = store.transaction((Tx tx) -> tx.audit().range(1, 10_000)).stream()
          .filter(a -> a.type().equals("hook.decided"))
          .map(AuditRecord::payloadJson)
          .map(p -> p.replaceAll(".*\"session\":\"([^\"]*)\".*", "$1"))
          .toList();
      assertThat(sessions).isEqualTo(IntStream.range(0, calls).mapToObj(k -> "spool-" + k).toList());
    }
  }
}
