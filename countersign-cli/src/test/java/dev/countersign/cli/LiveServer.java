package dev.countersign.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.countersign.analyze.InputLimits;
import dev.countersign.config.policy.LoadedPolicy;
import dev.countersign.directory.Directory;
import dev.countersign.policy.EngineConfig;
import dev.countersign.server.AgentGate;
import dev.countersign.server.AgentService;
import dev.countersign.server.ChangeService;
import dev.countersign.server.CountersignServer;
import dev.countersign.server.JsonCodec;
import dev.countersign.server.PolicyRuntime;
import dev.countersign.store.AuditSpool;
import dev.countersign.store.Store;
import dev.countersign.store.StoreConfig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A real server in this JVM, wired as {@code countersign serve} wires it (demo org.yaml, default
 * policy pack, H2 in a temp folder); tokens come from {@code countersign token create}.
 */
final class LiveServer implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  final Path dataDir;
  private final Store store;
  private final AuditSpool spool;
  private final CountersignServer server;
  private final HttpClient http = HttpClient.newHttpClient();

  LiveServer(Path dataDir, Duration hookHold) {
    this.dataDir = dataDir;
    Directory directory = Setup.directory(Optional.of(Path.of("../org.yaml")));
    LoadedPolicy policy = Setup.policy(Optional.of(Path.of("../policies/default")));
    PolicyRuntime runtime = new PolicyRuntime(policy.engine(EngineConfig.defaults()), policy.freezes());
    this.store = Store.open(StoreConfig.h2File(dataDir));
    DirectorySync.sync(store, directory);
    JsonCodec json = new JsonCodec(InputLimits.DEFAULT_MAX_BYTES);
    InputLimits limits = InputLimits.defaults();
    AgentService agents = new AgentService(store, directory, InstantSource.system(), json);
    ChangeService changes = new ChangeService(store, agents::directory, () -> runtime,
        (kind, content) -> kind.map(k -> Setup.ANALYZERS.analyze(k, content, limits))
            .orElseGet(() -> Setup.ANALYZERS.analyze(content, limits)),
        InstantSource.system(), json);
    this.spool = AuditSpool.open(dataDir.resolve(AuditSpool.FILE_NAME), store); // as serve does on embedded H2
    AgentGate gate = AgentHooks.gate(store, changes, limits, Optional.empty(), Optional.empty(), hookHold, Optional.of(spool));
    this.server = CountersignServer.start("127.0.0.1", 0, 16 * 1024 * 1024, store, changes, gate, agents, json);
  }

  String url() {
    return "http://127.0.0.1:" + server.port();
  }

  /** A token made by {@code countersign token create}, with any extra options (e.g. a scope). */
  String token(String principal, String... options) {
    List<String> args = new ArrayList<>(List.of("token", "create", "--principal", principal,
        "--data-dir", dataDir.toString(), "--org", "../org.yaml"));
    args.addAll(List.of(options));
    CliRun r = CliRun.of(args.toArray(String[]::new));
    assertThat(r.exitCode()).as(r.err()).isZero();
    String[] lines = r.out().strip().split("\n");
    return lines[lines.length - 1].strip();
  }

  JsonNode post(String path, String token, String body) {
    return send(HttpRequest.newBuilder(URI.create(url() + path)).POST(HttpRequest.BodyPublishers.ofString(body)), token);
  }

  JsonNode get(String path, String token) {
    return send(HttpRequest.newBuilder(URI.create(url() + path)).GET(), token);
  }

  private JsonNode send(HttpRequest.Builder b, String token) {
    try {
      HttpResponse<String> r = http.send(b.header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
      return JSON.readTree(r.body());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    server.close();
    spool.close();
    store.close();
  }
}
