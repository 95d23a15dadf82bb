package dev.countersign.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A human reviewer at a running server: reads changes over its HTTP API with their token and
 * approves with {@code countersign approve}, as they would from a second terminal.
 */
final class ChangeReviewer {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String url;
  private final String token;
  private final HttpClient http = HttpClient.newHttpClient();

  ChangeReviewer(String url, String token) {
    this.url = url;
    this.token = token;
  }

  /**
   * Waits up to 60 s for a pending change whose id is not in {@code before}, approves it ("ship
   * it") and returns its id.
   */
  String approveFirstNewPendingChange(List<String> before) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      List<String> pending = pendingIds().stream().filter(id -> !before.contains(id)).toList();
      if (!pending.isEmpty()) {
        String id = pending.get(0);
        CliRun r = CliRun.of("approve", id, "--comment", "ship it", "--server", url, "--token", token);
        assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
        return id;
      }
      sleep(100);
    }
    throw new AssertionError("no change waited for approval within 60 s");
  }

  /** The ids of the changes now pending, in the server's order. */
  List<String> pendingIds() {
    return changes("pending").stream().map(c -> c.path("id").asText()).toList();
  }

  /** The changes in {@code state}, as the server lists them. */
  List<JsonNode> changes(String state) {
    List<JsonNode> out = new ArrayList<>();
    get("/v1/changes?state=" + state).path("changes").forEach(out::add);
    return out;
  }

  /** {@code GET path} with the reviewer's token, as JSON. */
  JsonNode get(String path) {
    try {
      HttpResponse<String> r = http.send(
          HttpRequest.newBuilder(URI.create(url + path)).header("Authorization", "Bearer " + token).build(),
          HttpResponse.BodyHandlers.ofString());
      return JSON.readTree(r.body());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
