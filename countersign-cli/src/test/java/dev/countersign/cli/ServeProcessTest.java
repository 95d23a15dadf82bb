package dev.countersign.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.countersign.store.Store;
import dev.countersign.store.StoreConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code countersign serve} as a real process: tokens created by a second process while it runs,
 * and a {@code kill -9} that must not lose any acknowledged change.
 */
class ServeProcessTest {
  @TempDir Path dataDir;

  @Test
  void killMinus9AfterAcknowledgedWrites_losesNothing() throws Exception {
    try (ServerProcess server = ServerProcess.start("--data-dir", dataDir.toString(), "--org", "../org.yaml")) {
      String token = ServerProcess.createToken("mia", "--data-dir", dataDir.toString(), "--org", "../org.yaml");
      HttpClient http = HttpClient.newHttpClient();
      ObjectMapper mapper = new ObjectMapper();
      List<String> acknowledged = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        String body =
            "{\"kind\":\"shell\",\"environment\":\"production\",\"services\":[\"payments-api\"],"
                + "\"aiAssisted\":true,\"title\":\"n" + i + "\",\"content\":\"kubectl scale deployment/web --replicas=" + i + "\"}";
        HttpResponse<String> r =
            http.send(
                HttpRequest.newBuilder(URI.create(server.url() + "/v1/changes"))
                    .header("Authorization", "Bearer " + token)
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        JsonNode json = mapper.readTree(r.body());
        acknowledged.add(json.path("id").asText());
      }
      server.process().destroyForcibly(); // SIGKILL: no shutdown hook, no clean close
      assertThat(server.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
      try (Store store = Store.open(StoreConfig.h2File(dataDir))) {
        for (String id : acknowledged) {
          Optional<?> found = store.transaction(tx -> tx.changes().get(id));
          assertThat(found.isPresent()).as("change %s survives kill -9", id).isTrue();
        }
        long proposed =
            store.transaction(tx -> tx.audit().range(1, 10_000)).stream()
                .filter(a -> a.type().equals("change.proposed"))
                .count();
        assertThat(proposed).isEqualTo(acknowledged.size());
      }
    }
  }
}
