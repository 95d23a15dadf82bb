package dev.countersign.cli;

import dev.countersign.analyze.InputLimits;
import dev.countersign.config.policy.LoadedPolicy;
import dev.countersign.config.policy.PolicyHolder;
import dev.countersign.config.policy.PolicyLoader;
import dev.countersign.directory.Directory;
import dev.countersign.policy.EngineConfig;
import dev.countersign.server.AgentGate;
import dev.countersign.server.AgentService;
import dev.countersign.server.BlastRadiusSource;
import dev.countersign.server.ChangeService;
import dev.countersign.server.CountersignServer;
import dev.countersign.server.JsonCodec;
import dev.countersign.server.PolicyRuntime;
import dev.countersign.store.AuditSpool;
import dev.countersign.store.Store;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code countersign serve}: the HTTP API over a real database. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Run the Countersign server: the HTTP API on a port, an embedded H2 database in --data-dir (or PostgreSQL with --database), the directory from --org and the policy from --policy."
    })
final class ServeCommand implements Callable<Integer> {
  @Option(names = "--port", paramLabel = "PORT", description = "port to listen on (default: ${DEFAULT-VALUE}; 0 picks a free one)")
  int port = 8420;

  @Option(names = "--host", paramLabel = "HOST", description = "address to listen on (default: ${DEFAULT-VALUE})")
  String host = "127.0.0.1";

  @Mixin DatabaseOptions database;

  @Option(names = "--org", paramLabel = "FILE", description = "the directory (default: ./org.yaml, else the bundled demo organisation)")
  Optional<Path> org = Optional.empty();

  @Option(names = "--policy", paramLabel = "DIR", description = "policy directory, reloaded when it changes (default: the bundled default pack)")
  Optional<Path> policyDir = Optional.empty();

  @Option(names = "--catalog", paramLabel = "DIR|FILE", description = "a Backstage catalog (catalog-info.yaml files or a folder of them) for blast radius; read at start")
  Optional<Path> catalog = Optional.empty();

  @Option(names = "--approval-ttl", paramLabel = "DURATION", description = "how long an approval counts, ISO-8601 (default: ${DEFAULT-VALUE})")
  Duration approvalTtl = EngineConfig.DEFAULT_APPROVAL_LIFETIME;

  @Option(names = "--max-bytes", paramLabel = "N", description = "largest change content accepted (default: ${DEFAULT-VALUE})")
  long maxBytes = InputLimits.DEFAULT_MAX_BYTES;

  @Option(names = "--hook-hold", paramLabel = "DURATION", description = "how long an agent hook call that needs approval is held open waiting for it, ISO-8601; keep it below the hook's timeout (default: ${DEFAULT-VALUE}, answer at once)")
  Duration hookHold = Duration.ZERO;

  @Option(names = "--protected-paths", paramLabel = "FILE", description = "the paths agents' file changes are checked against, one 'PATTERN [finding-code]' per line (default: the built-in list, see docs/agent-hooks.md)")
  Optional<Path> protectedPaths = Optional.empty();

  @Option(names = "--workdir-rules", paramLabel = "FILE", description = "narrow agents' hook calls by their working directory, one 'WORKDIR-GLOB environment=ENV service=S ...' per line; never widens a token's scope (docs/agent-hooks.md)")
  Optional<Path> workdirRules = Optional.empty();

  @Override
  public Integer call() throws InterruptedException {
    Optional<Path> orgFile = orgFile();
    // Read before loading: an edit made while the server starts then differs and is reloaded.
    byte[] orgLoadedFrom = orgFile.map(OrgReloader::content).orElse(new byte[0]);
    Directory directory = Setup.directory(org);
    EngineConfig engineConfig = new EngineConfig(approvalTtl);
    Path policyPath = Setup.policyDir(policyDir);
    // Stamped before loading, like org.yaml: an edit made while the policy loads is then reloaded.
    String policyLoadedFrom = policyDir.isPresent() ? PolicyWatcher.stamp(policyPath) : "";
    PolicyHolder holder = PolicyHolder.forDirectory(policyPath, PolicyLoader.create());
    AtomicReference<PolicyRuntime> runtime = new AtomicReference<>(runtime(holder.current(), engineConfig));
    Store store = Store.open(database.config());
    DirectorySync.sync(store, directory);
    JsonCodec json = new JsonCodec(maxBytes);
    InputLimits limits = InputLimits.defaults().withMaxBytes(maxBytes);
    // org.yaml ∪ the agents managed through /v1/agents, re-read from the store for decisions.
    AtomicReference<Directory> currentOrg = new AtomicReference<>(directory);
    AgentService agents = new AgentService(store, currentOrg::get, InstantSource.system(), json);
    ChangeService changes =
        new ChangeService(
            store, agents::directory, runtime::get,
            (kind, content) ->
                kind.map(k -> Setup.ANALYZERS.analyze(k, content, limits))
                    .orElseGet(() -> Setup.ANALYZERS.analyze(content, limits)),
            InstantSource.system(), json,
            Setup.catalog(catalog).map(BlastRadiusSource::of).orElse(BlastRadiusSource.none()));
    // The JSON body carries the content as a string, with escapes: allow some headroom over the limit.
    Optional<AuditSpool> spool = database.auditSpool().map(file -> AuditSpool.open(file, store));
    AgentGate gate = AgentHooks.gate(store, changes, limits, protectedPaths, workdirRules, hookHold, spool);
    CountersignServer server = CountersignServer.start(host, port, maxBytes + maxBytes / 4 + 65_536, store, changes, gate, agents, json);
    orgFile.ifPresent(file -> watchOrg(file, orgLoadedFrom, store, currentOrg));
    if (policyDir.isPresent()) {
      PolicyWatcher.start(policyPath, policyLoadedFrom, () -> {
        LoadedPolicy before = holder.current();
        LoadedPolicy after = holder.reload();
        if (!after.digest().equals(before.digest())) {
          runtime.set(runtime(after, engineConfig));
          System.err.println("countersign: policy reloaded, now " + after.digest());
        }
      });
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.close();
      spool.ifPresent(AuditSpool::close); // moves what is left into the audit log
      store.close();
      stopped.countDown();
    }));
    printWelcome(server.port(), holder.current());
    stopped.await();
    return Main.OK;
  }

  /** The org file to watch: --org, else ./org.yaml when there is one (the bundled demo never changes). */
  private Optional<Path> orgFile() {
    return org.or(() -> Optional.of(Path.of("org.yaml")).filter(Files::isRegularFile)).map(Path::toAbsolutePath);
  }

  /**
   * Reloads the org file when it changes; a new directory is recorded in the store (with its audit
   * events) before it counts for decisions.
   */
  private static void watchOrg(Path file, byte[] loadedFrom, Store store, AtomicReference<Directory> currentOrg) {
    new OrgReloader(file, loadedFrom, after -> {
      DirectorySync.sync(store, after);
      currentOrg.set(after);
    }, System.err::println).start();
  }

  private static PolicyRuntime runtime(LoadedPolicy policy, EngineConfig config) {
    return new PolicyRuntime(policy.engine(config), policy.freezes());
  }

  private void printWelcome(int actualPort, LoadedPolicy policy) {
    String url = "http://" + host + ":" + actualPort;
    System.out.println("Countersign is running at " + url);
    System.out.println("  database:  " + database.describe());
    System.out.println("  directory: " + Setup.directorySource(org));
    System.out.println("  policy:    " + policyDir.map(Path::toString).orElse("bundled default pack") + " (" + policy.digest() + ")");
    System.out.println("  catalog:   " + catalog.map(Path::toString).orElse("none (no blast radius; --catalog DIR)"));
    System.out.println();
    System.out.println("Next, in another terminal:");
    System.out.println("  T=$(./countersign token create --principal mia | tail -n1)      # a token for mia (mid, payments)");
    System.out.println("  curl -s -H \"Authorization: Bearer $T\" -X POST " + url + "/v1/changes \\");
    System.out.println("       -d '{\"kind\":\"shell\",\"environment\":\"production\",\"aiAssisted\":true,\"content\":\"kubectl delete deployment web -n shop\"}'");
    System.out.println("  See README.md for the full tour (reviews, approvals, policy tests).");
    System.out.flush();
  }
}
