package dev.countersign.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.countersign.store.Store;
import dev.countersign.store.StoreConfig;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code countersign serve} as a real process: tokens created by a second process while it runs,
 * and a {@code kill -9} that must not lose any acknowledged change.
 */
class ServeProcessTest {
  private static final Pattern RUNNING = Pattern.compile("running at (http://127\\.0\\.0\\.1:\\d+)");

  @TempDir Path dataDir;

  @Test
  void killMinus9AfterAcknowledgedWrites_losesNothing() throws Exception {
    Process server =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "serve", "--port", "0", "--data-dir", dataDir.toString(),
                "--org", "../org.yaml")
            .redirectErrorStream(true)
            .start();
    try {
      String base = awaitUrl(server);
      String token = createTokenWhileServerRuns("mia");
      HttpClient http = HttpClient.newHttpClient();
      ObjectMapper mapper = new ObjectMapper();
      List<String> acknowledged = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        String body =
            "{\"kind\":\"shell\",\"environment\":\"production\",\"services\":[\"payments-api\"],"
                + "\"aiAssisted\":true,\"title\":\"n" + i + "\",\"content\":\"kubectl scale deployment/web --replicas=" + i + "\"}";
        HttpResponse<String> r =
            http.send(
                HttpRequest.newBuilder(URI.create(base + "/v1/changes"))
                    .header("Authorization", "Bearer " + token)
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        JsonNode json = mapper.readTree(r.body());
        acknowledged.add(json.path("id").asText());
      }
      server.destroyForcibly(); // SIGKILL: no shutdown hook, no clean close
      assertThat(server.waitFor(30, TimeUnit.SECONDS)).isTrue();
      try (Store store = Store.open(StoreConfig.h2File(dataDir))) {
        for (String id : acknowledged) {
          java.util.Optional<?> found = store.transaction(tx -> tx.changes().get(id));
          assertThat(found.isPresent()).as("change %s survives kill -9", id).isTrue();
        }
        long proposed =
            store.transaction(tx -> tx.audit().range(1, 10_000)).stream()
                .filter(a -> a.type().equals("change.proposed"))
                .count();
        assertThat(proposed).isEqualTo(acknowledged.size());
      }
    } finally {
      server.destroyForcibly();
    }
  }

  private String createTokenWhileServerRuns(String principal) {
    PrintStream out = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    int code;
    try {
      code = Main.run("token", "create", "--principal", principal, "--data-dir", dataDir.toString(), "--org", "../org.yaml");
    } finally {
      System.setOut(out);
    }
    assertThat(code).isZero();
    String[] lines = captured.toString(StandardCharsets.UTF_8).strip().split("\n");
    return lines[lines.length - 1].strip();
  }

  private static String awaitUrl(Process server) throws Exception {
    BufferedReader reader = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
    StringBuilder seen = new StringBuilder();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    String line;
    while (System.nanoTime() < deadline && (line = reader.readLine()) != null) {
      seen.append(line).append('\n');
      Matcher m = RUNNING.matcher(line);
      if (m.find()) {
        Thread.ofVirtual().start(() -> reader.lines().forEach(l -> {}));
        return m.group(1);
      }
    }
    throw new AssertionError("server did not start; output:\n" + seen);
  }
}
