package dev.countersign.cli.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.countersign.cli.InputError;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A small JSON client for the Countersign API, authenticated with a bearer token. */
final class ApiClient {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI base;
  private final String token;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  ApiClient(URI base, String token) {
    this.base = base;
    this.token = token;
  }

  /** An answer: the status and the JSON body ({@code {}} when empty or not JSON). */
  record Answer(int status, JsonNode body) {
    /** The server's error message, or the status when there is none. */
    String message() {
      String m = body.path("message").asText("");
      return m.isEmpty() ? "HTTP " + status : m;
    }
  }

  /** GET a path under the base URL. */
  Answer get(String path) {
    return send(HttpRequest.newBuilder(base.resolve(base.getPath() + path)).GET());
  }

  /** DELETE a path under the base URL. */
  Answer delete(String path) {
    return send(HttpRequest.newBuilder(base.resolve(base.getPath() + path)).DELETE());
  }

  /** POST a JSON value to a path under the base URL. */
  Answer post(String path, Object body) {
    try {
      return send(HttpRequest.newBuilder(base.resolve(base.getPath() + path))
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body))));
    } catch (IOException e) {
      throw new InputError("cannot encode the request: " + e.getMessage());
    }
  }

  private Answer send(HttpRequest.Builder request) {
    request.header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(30));
    try {
      HttpResponse<byte[]> r = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      return new Answer(r.statusCode(), parse(r.body()));
    } catch (IOException e) {
      throw new InputError("cannot reach the Countersign server at " + base + ": " + describe(e));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InputError("interrupted while calling " + base);
    }
  }

  private static JsonNode parse(byte[] body) {
    try {
      return body.length == 0 ? JSON.createObjectNode() : JSON.readTree(body);
    } catch (IOException e) {
      return JSON.createObjectNode();
    }
  }

  private static String describe(IOException e) {
    return e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
  }
}
