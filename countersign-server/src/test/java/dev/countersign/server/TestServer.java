package dev.countersign.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.countersign.analyze.Analyzers;
import dev.countersign.analyze.InputLimits;
import dev.countersign.config.org.OrgYaml;
import dev.countersign.config.policy.LoadedPolicy;
import dev.countersign.config.policy.PolicyLoader;
import dev.countersign.directory.Directory;
import dev.countersign.policy.EngineConfig;
import dev.countersign.server.agent.ProtectedPaths;
import dev.countersign.server.agent.ToolMapper;
import dev.countersign.store.Store;
import dev.countersign.store.TokenScope;
import dev.countersign.store.StoreConfig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicReference;

/** A real server on a random port over a real database, with a clock the test moves. */
final class TestServer implements AutoCloseable {
  static final String ORG =
      """
      humans:
        - {id: mia, level: mid, teams: [payments]}
        - {id: sam, level: senior, teams: [payments]}
        - {id: priya, level: senior, teams: [payments]}
        - {id: ravi, level: staff, teams: [platform]}
        - {id: jo, level: junior, teams: [payments]}
        - id: li
          level: senior
          teams: [platform]
          grants:
            - environments: [staging]
              services: [platform-k8s]
              verbs: [read, update]
              expires: 2099-01-01T00:00:00Z
      agents:
        - id: kiro-7
          sponsor: mia
          model: example/agent-1
          grants:
            - environments: [staging]
              services: ["*"]
              verbs: [read, create, update, delete, replace, exec]
              expires: 2099-01-01T00:00:00Z
            - environments: [production]
              services: ["*"]
              verbs: [read, create, update, exec]
              expires: 2099-01-01T00:00:00Z
      services:
        - id: deploy-bot
          grants:
            - environments: [staging]
              services: ["*"]
              verbs: [read, create, update]
              expires: 2099-01-01T00:00:00Z
      """;

  final Store store;
  final CountersignServer server;
  final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-22T10:00:00Z"));
  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper mapper = new ObjectMapper();

  TestServer(StoreConfig config) {
    this(config, AgentGate.Hold.none());
  }

  /** A server whose agent hooks hold a call that needs approval as {@code hold} says. */
  TestServer(StoreConfig config, AgentGate.Hold hold) {
    this(config, hold, dev.countersign.server.agent.WorkdirRules.none());
  }

  /** A server whose agent hooks are also narrowed by {@code workdirs} (serve --workdir-rules). */
  TestServer(StoreConfig config, AgentGate.Hold hold, dev.countersign.server.agent.WorkdirRules workdirs) {
    this.store = Store.open(config);
    Directory directory = OrgYaml.parse(ORG, "test-org.yaml");
    LoadedPolicy policy = PolicyLoader.create().load(Path.of("../policies/default"));
    PolicyRuntime runtime = new PolicyRuntime(policy.engine(EngineConfig.defaults()), policy.freezes());
    JsonCodec json = new JsonCodec(InputLimits.DEFAULT_MAX_BYTES);
    InstantSource clock = now::get;
    AgentService agents = new AgentService(store, directory, clock, json);
    ChangeService changes =
        new ChangeService(
            store, agents::directory, () -> runtime,
            (kind, content) ->
                kind.map(k -> Analyzers.standard().analyze(k, content, InputLimits.defaults()))
                    .orElseGet(() -> Analyzers.standard().analyze(content, InputLimits.defaults())),
            clock, json);
    ToolMapper tools =
        new ToolMapper(
            command -> Analyzers.standard().analyze(
                dev.countersign.model.ChangeKind.SHELL, command.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                InputLimits.defaults()),
            ProtectedPaths.defaults());
    AgentGate gate = new AgentGate(store, changes, tools, clock, hold, workdirs);
    this.server = CountersignServer.start("127.0.0.1", 0, 8 * 1024 * 1024, store, changes, gate, agents, json);
  }

  /** A fresh API token scoped to a target, as {@code countersign token create --env --service} makes one. */
  String scopedToken(String principal, String environment, String... services) {
    return store.transaction(
            tx -> tx.tokens().create(principal, "test", new TokenScope(environment, java.util.List.of(services)), now.get()))
        .plaintext();
  }

  /** A fresh API token for a principal, made the way {@code countersign token create} makes one. */
  String token(String principal) {
    return store.transaction(tx -> tx.tokens().create(principal, "test", now.get())).plaintext();
  }

  void advance(Duration d) {
    now.updateAndGet(t -> t.plus(d));
  }

  Response post(String path, String token, String body) {
    return send(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofString(body)), token);
  }

  Response postBytes(String path, String token, byte[] body) {
    return send(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofByteArray(body)), token);
  }

  /** A POST whose body has no declared length (chunked transfer encoding). */
  Response postChunked(String path, String token, byte[] body) {
    return send(HttpRequest.newBuilder(uri(path))
        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body))), token);
  }

  Response delete(String path, String token) {
    return send(HttpRequest.newBuilder(uri(path)).DELETE(), token);
  }

  Response get(String path, String token) {
    return send(HttpRequest.newBuilder(uri(path)).GET(), token);
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.port() + path);
  }

  private Response send(HttpRequest.Builder request, String token) {
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    request.header("Content-Type", "application/json");
    try {
      HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Response(r.statusCode(), mapper.readTree(r.body().isEmpty() ? "{}" : r.body()), r.body());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  long auditCount() {
    return store.transaction(tx -> tx.audit().lastSeq());
  }

  @Override
  public void close() {
    server.close();
    store.close();
  }

  record Response(int status, JsonNode json, String body) {}
}
