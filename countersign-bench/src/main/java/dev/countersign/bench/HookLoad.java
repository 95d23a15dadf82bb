package dev.countersign.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.countersign.analyze.Analyzers;
import dev.countersign.analyze.InputLimits;
import dev.countersign.config.org.OrgYaml;
import dev.countersign.config.policy.LoadedPolicy;
import dev.countersign.config.policy.PolicyLoader;
import dev.countersign.directory.Directory;
import dev.countersign.model.ChangeKind;
import dev.countersign.policy.EngineConfig;
import dev.countersign.server.AgentGate;
import dev.countersign.server.ChangeService;
import dev.countersign.server.CountersignServer;
import dev.countersign.server.JsonCodec;
import dev.countersign.server.PolicyRuntime;
import dev.countersign.server.agent.AgentAnswer;
import dev.countersign.server.agent.Narrowing;
import dev.countersign.server.agent.ProtectedPaths;
import dev.countersign.server.agent.ToolMapper;
import dev.countersign.server.agent.WorkdirRules;
import dev.countersign.server.hook.ClaudeCodeHook;
import dev.countersign.store.AuditLog;
import dev.countersign.store.AuditSpool;
import dev.countersign.store.AuthenticatedToken;
import dev.countersign.store.Store;
import dev.countersign.store.StoreConfig;
import dev.countersign.store.TokenScope;
import dev.countersign.store.Tx;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Hook decisions over loopback HTTP: a real Countersign server (in process, H2 in a temporary
 * directory, the repository's {@code org.yaml} and default policy pack) answering {@code POST
 * /v1/hooks/claude-code} for agent {@code kiro-7} with a token scoped to production/payments-api,
 * against a Node HTTP server that answers the same fixed JSON as the ceiling. The same closed-loop
 * client (N threads, one keep-alive socket each, raw HTTP/1.1) drives both.
 *
 * <p>Then, to see where the time goes, the same decisions in process (no HTTP), and the audit
 * append alone (one transaction per event, as every decision does), with N threads and with one.
 *
 * <p>Usage, from the repository root: {@code HookLoad [CLIENTS=16] [SECONDS=10] [MAX_REQUESTS=2000000] [h2|postgres]}
 * ({@code postgres}: an embedded PostgreSQL server with fsync on, instead of H2 in a file).
 * Connects only to 127.0.0.1.
 */
public final class HookLoad {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
  private static final int MAX_MICROS = 200_000;
  private static final com.sun.management.OperatingSystemMXBean PROCESS =
      (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();

  private HookLoad() {}

  public static void main(String[] args) throws Exception {
    int clients = args.length > 0 ? Integer.parseInt(args[0]) : 16;
    Duration measure = Duration.ofSeconds(args.length > 1 ? Long.parseLong(args[1]) : 10);
    long maxRequests = args.length > 2 ? Long.parseLong(args[2]) : 2_000_000;
    boolean postgres = args.length > 3 && args[3].equals("postgres");
    if (args.length > 3 && !postgres && !args[3].equals("h2")) {
      throw new IllegalArgumentException("the fourth argument is the database: h2 (default) or postgres");
    }
    Duration warmup = measure;
    Path tmp = Files.createTempDirectory("countersign-hookload");
    System.out.printf(Locale.ROOT, "HookLoad: %d clients, %d s warm-up + %d s measured per phase (at most %,d requests), %d cores, %s%n",
        clients, warmup.toSeconds(), measure.toSeconds(), maxRequests, Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.vm.version"));

    EmbeddedPostgres pg = postgres ? startPostgres() : null;
    StoreConfig config = pg == null
        ? StoreConfig.h2File(tmp.resolve("db"))
        : new StoreConfig(pg.getJdbcUrl("postgres", "postgres"), "postgres", "", clients + 4);
    System.out.println("database: " + config);
    try (Store store = Store.open(config)) {
      Directory directory = OrgYaml.load(Path.of("org.yaml"));
      LoadedPolicy policy = PolicyLoader.create().load(Path.of("policies/default"));
      PolicyRuntime runtime = new PolicyRuntime(policy.engine(EngineConfig.defaults()), policy.freezes());
      JsonCodec json = new JsonCodec(InputLimits.DEFAULT_MAX_BYTES);
      InstantSource clock = InstantSource.system();
      ChangeService changes = new ChangeService(store, () -> directory, () -> runtime,
          (kind, content) -> kind.map(k -> Analyzers.standard().analyze(k, content, InputLimits.defaults()))
              .orElseGet(() -> Analyzers.standard().analyze(content, InputLimits.defaults())),
          clock, json);
      ToolMapper tools = new ToolMapper(
          c -> Analyzers.standard().analyze(ChangeKind.SHELL, c.getBytes(StandardCharsets.UTF_8), InputLimits.defaults()),
          ProtectedPaths.defaults());
      // As `countersign serve` wires it: on embedded H2 the audit events of fresh decisions go
      // through the audit spool; on PostgreSQL they are committed in groups.
      Optional<AuditSpool> spool = pg == null ? Optional.of(AuditSpool.open(tmp.resolve("db").resolve(AuditSpool.FILE_NAME), store))
          : Optional.empty();
      AgentGate gate = new AgentGate(store, changes, tools, clock, AgentGate.Hold.none(), WorkdirRules.none(), spool);
      TokenScope scope = new TokenScope("production", List.of("payments-api"));
      String token = store.transaction(tx -> tx.tokens().create("kiro-7", "hookload", scope, Instant.now())).plaintext();
      byte[] allowBody = claudeBash("ls");
      byte[] denyBody = claudeBash("rm -rf ./prod-env");

      try (CountersignServer server = CountersignServer.start("127.0.0.1", 0, 8 << 20, store, changes, gate, json)) {
        int port = server.port();
        byte[] allowRequest = request(port, "/v1/hooks/claude-code", token, allowBody);
        byte[] denyRequest = request(port, "/v1/hooks/claude-code", token, denyBody);
        String allowAnswer = once(port, allowRequest);
        String denyAnswer = once(port, denyRequest);
        System.out.println("allow answer: " + allowAnswer);
        System.out.println("deny answer:  " + denyAnswer);
        require(allowAnswer.contains("\"permissionDecision\":\"allow\""), "the allow path does not allow: " + allowAnswer);
        require(denyAnswer.contains("\"permissionDecision\":\"deny\""), "the deny path does not deny: " + denyAnswer);

        List<Result> results = new ArrayList<>();
        Process node = startNode(tmp, allowAnswer);
        try {
          int nodePort = nodePort(node);
          byte[] nodeRequest = request(nodePort, "/v1/hooks/claude-code", token, allowBody);
          results.add(http("node (fixed JSON, ceiling)", nodePort, nodeRequest, b -> b.contains("\"allow\""),
              clients, warmup, measure, maxRequests));
        } finally {
          node.destroy();
          node.waitFor(5, TimeUnit.SECONDS);
        }
        byte[] health = ("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        results.add(http("countersign GET /healthz (HTTP stack, no decision)", port, health, b -> b.contains("ok"),
            clients, warmup, measure, maxRequests));
        // The first decisions compile the whole decision path (JIT): warm it on both paths before
        // measuring, or the first measured phase pays for the compiler threads.
        http("warm-up: allow (not reported)", port, allowRequest, b -> true, clients, warmup, warmup, maxRequests);
        http("warm-up: deny (not reported)", port, denyRequest, b -> true, clients, warmup, warmup, maxRequests);
        spool.ifPresent(AuditSpool::flush);
        long auditBefore = auditCount(store);
        results.add(http("countersign allow (ls)", port, allowRequest, b -> b.contains("\"permissionDecision\":\"allow\""),
            clients, warmup, measure, maxRequests));
        results.add(http("countersign deny (rm -rf ./prod-env)", port, denyRequest,
            b -> b.contains("\"permissionDecision\":\"deny\""), clients, warmup, measure, maxRequests));
        spool.ifPresent(AuditSpool::flush);
        long auditAfter = auditCount(store);

        ClaudeCodeHook claude = new ClaudeCodeHook(json.mapper());
        AuthenticatedToken authenticated = new AuthenticatedToken("tok_hookload", "kiro-7", Optional.of(scope));
        results.add(inProcess("in-process decide allow (parse+decide+audit+render, no HTTP)", clients, warmup, measure, maxRequests, () -> {
          AgentAnswer a = gate.decide(authenticated, claude.parse(allowBody), Narrowing.NONE);
          return a.allowed() && claude.render(allowBody, a).length > 0;
        }));
        results.add(inProcessVirtual("in-process decide allow on virtual threads (as the server runs requests)", clients, warmup,
            measure, maxRequests, () -> {
              AgentAnswer a = gate.decide(authenticated, claude.parse(allowBody), Narrowing.NONE);
              return a.allowed() && claude.render(allowBody, a).length > 0;
            }));
        // Measurement only: the same gate over a store whose audit append does nothing (no write, so
        // no commit to the file); the difference to the phase above is what the audit event costs.
        Store unaudited = withoutAudit(store);
        AgentGate unauditedGate = new AgentGate(unaudited, new ChangeService(unaudited, () -> directory, () -> runtime,
            (kind, content) -> kind.map(k -> Analyzers.standard().analyze(k, content, InputLimits.defaults()))
                .orElseGet(() -> Analyzers.standard().analyze(content, InputLimits.defaults())),
            clock, json), tools, clock, AgentGate.Hold.none());
        results.add(inProcess("in-process decide allow, audit append stubbed out (measurement only)", clients, warmup, measure,
            maxRequests, () -> {
              AgentAnswer a = unauditedGate.decide(authenticated, claude.parse(allowBody), Narrowing.NONE);
              return a.allowed() && claude.render(allowBody, a).length > 0;
            }));
        String payload = "{\"answer\":\"allow\",\"agent\":\"kiro-7\",\"tool\":\"Bash\"}";
        results.add(inProcess("audit append alone, " + clients + " threads (1 tx per event)", clients, warmup, measure, maxRequests, () ->
            store.transaction(tx -> tx.audit().append("hook.decided", "kiro-7", "bench", payload, Instant.now())) > 0));
        results.add(inProcess("audit append alone, 1 thread", 1, warmup, measure, maxRequests, () ->
            store.transaction(tx -> tx.audit().append("hook.decided", "kiro-7", "bench", payload, Instant.now())) > 0));
        results.add(inProcess("read-only transaction, " + clients + " threads (pool + tx cost)", clients, warmup, measure, maxRequests, () ->
            store.transaction(tx -> tx.audit().lastSeq()) >= 0));

        System.out.println();
        System.out.println("| phase | decisions/s | p50 | p99 | p99.9 | errors | JVM CPU µs/req | KiB allocated/req |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        for (Result r : results) {
          System.out.println(r.row());
        }
        Result nodeR = results.get(0);
        System.out.printf(Locale.ROOT, "%nratio countersign allow / node: %.2f; deny / node: %.2f%n",
            results.get(2).perSecond() / nodeR.perSecond(), results.get(3).perSecond() / nodeR.perSecond());
        System.out.printf(Locale.ROOT, "audit events written by the HTTP phases: %,d (one per decision, warm-up included)%n",
            auditAfter - auditBefore);
      }
      spool.ifPresent(AuditSpool::close);
    } finally {
      if (pg != null) {
        pg.close();
      }
      deleteTree(tmp);
    }
  }

  /**
   * PostgreSQL as production runs it: the embedded binaries start with fsync off, so turn it and
   * synchronous commit back on; every commit then waits for its WAL flush.
   */
  private static EmbeddedPostgres startPostgres() throws IOException {
    return EmbeddedPostgres.builder()
        .setServerConfig("fsync", "on")
        .setServerConfig("synchronous_commit", "on")
        .setServerConfig("max_connections", "100")
        .start();
  }

  /** {@code store}, but every transaction's audit log ignores appends (for measuring their cost only). */
  private static Store withoutAudit(Store store) {
    AtomicLong seq = new AtomicLong();
    AuditLog ignoring = (AuditLog) Proxy.newProxyInstance(HookLoad.class.getClassLoader(), new Class<?>[] {AuditLog.class},
        (proxy, method, args) -> {
          if (method.getName().equals("append")) {
            return seq.incrementAndGet();
          }
          if (method.getName().equals("appendAll")) {
            return seq.addAndGet(((List<?>) args[0]).size());
          }
          throw new UnsupportedOperationException("not measured: AuditLog." + method.getName());
        });
    return (Store) Proxy.newProxyInstance(HookLoad.class.getClassLoader(), new Class<?>[] {Store.class},
        (proxy, method, args) -> {
          if (method.getName().equals("transaction") && args != null && args.length == 1 && args[0] instanceof Function<?, ?> f) {
            @SuppressWarnings("unchecked")
            Function<Tx, Object> work = (Function<Tx, Object>) f;
            return store.transaction(tx -> work.apply(auditIgnoring(tx, ignoring)));
          }
          if (method.getName().equals("inTransaction") && args != null && args.length == 1 && args[0] instanceof Consumer<?> c) {
            @SuppressWarnings("unchecked")
            Consumer<Tx> work = (Consumer<Tx>) c;
            store.inTransaction(tx -> work.accept(auditIgnoring(tx, ignoring)));
            return null;
          }
          try {
            return method.invoke(store, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
  }

  private static Tx auditIgnoring(Tx tx, AuditLog ignoring) {
    return (Tx) Proxy.newProxyInstance(HookLoad.class.getClassLoader(), new Class<?>[] {Tx.class},
        (proxy, method, args) -> {
          if (method.getName().equals("audit") && (args == null || args.length == 0)) {
            return ignoring;
          }
          try {
            return method.invoke(tx, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
  }

  /** A Claude Code PreToolUse request for Bash, in the shape the real client sends (AGENT-PROTOCOLS.md §1.4). */
  private static byte[] claudeBash(String command) {
    ObjectNode p = JSON.createObjectNode();
    p.put("session_id", "318898bc-add1-4699-91e6-877cb831090e");
    p.put("transcript_path", "/home/dev/.claude/projects/-home-dev-shop/318898bc.jsonl");
    p.put("cwd", "/home/dev/shop");
    p.put("permission_mode", "default");
    p.put("hook_event_name", "PreToolUse");
    p.put("tool_name", "Bash");
    p.putObject("tool_input").put("command", command).put("description", "bench");
    p.put("tool_use_id", "toolu_01");
    return p.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] request(int port, String path, String token, byte[] body) {
    String head = "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nAuthorization: Bearer " + token
        + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n";
    byte[] h = head.getBytes(StandardCharsets.US_ASCII);
    byte[] all = new byte[h.length + body.length];
    System.arraycopy(h, 0, all, 0, h.length);
    System.arraycopy(body, 0, all, h.length, body.length);
    return all;
  }

  private static String once(int port, byte[] request) throws IOException {
    try (Conn c = new Conn(port)) {
      return c.exchange(request);
    }
  }

  private static void require(boolean ok, String message) {
    if (!ok) {
      throw new IllegalStateException(message);
    }
  }

  private static long auditCount(Store store) {
    return store.transaction(tx -> tx.audit().lastSeq());
  }

  /** Starts {@code node} with a server answering {@code answer} on 127.0.0.1, port printed on stdout. */
  private static Process startNode(Path tmp, String answer) throws IOException {
    Path script = tmp.resolve("ceiling.js");
    Files.writeString(script, """
        const http = require('http');
        const body = Buffer.from(process.argv[2]);
        const s = http.createServer((req, res) => {
          req.on('data', () => {});
          req.on('end', () => {
            res.writeHead(200, {'Content-Type': 'application/json', 'Content-Length': body.length});
            res.end(body);
          });
        });
        s.keepAliveTimeout = 120000;
        s.listen(0, '127.0.0.1', () => console.log(s.address().port));
        """);
    return new ProcessBuilder("node", script.toString(), answer).redirectError(ProcessBuilder.Redirect.INHERIT).start();
  }

  private static int nodePort(Process node) throws IOException {
    BufferedReader r = new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8));
    String line = r.readLine();
    if (line == null) {
      throw new IllegalStateException("node did not start (is it installed?)");
    }
    return Integer.parseInt(line.strip());
  }

  /** One work item of an in-process phase; true when the result was the expected one. */
  @FunctionalInterface
  private interface Work {
    boolean run() throws Exception;
  }

  private static Result http(String name, int port, byte[] request, Predicate<String> ok, int clients, Duration warmup,
      Duration measure, long maxRequests) throws InterruptedException {
    return run(name, clients, warmup, measure, maxRequests, () -> new HttpWork(new Conn(port), request, ok));
  }

  /** One client's HTTP work: its own connection, the request, and what a right answer contains. */
  private record HttpWork(Conn conn, byte[] request, Predicate<String> ok) implements Work, AutoCloseable {
    @Override
    public boolean run() throws IOException {
      return ok.test(conn.exchange(request));
    }

    @Override
    public void close() throws IOException {
      conn.close();
    }
  }

  private static Result inProcess(String name, int clients, Duration warmup, Duration measure, long maxRequests, Work work)
      throws InterruptedException {
    return run(name, clients, warmup, measure, maxRequests, () -> work, false);
  }

  /** As {@link #inProcess}, each client on a virtual thread, as the server runs each request. */
  private static Result inProcessVirtual(String name, int clients, Duration warmup, Duration measure, long maxRequests, Work work)
      throws InterruptedException {
    return run(name, clients, warmup, measure, maxRequests, () -> work, true);
  }

  /** A source of a per-thread work item (e.g. one that owns a connection). */
  @FunctionalInterface
  private interface WorkSource {
    Work open() throws IOException;
  }

  /**
   * Runs {@code clients} threads in a closed loop: warm-up, then a measured window bounded by {@code
   * measure} and {@code maxRequests}; latency histogram in microseconds.
   */
  private static Result run(String name, int clients, Duration warmup, Duration measure, long maxRequests, WorkSource source)
      throws InterruptedException {
    return run(name, clients, warmup, measure, maxRequests, source, false);
  }

  private static Result run(String name, int clients, Duration warmup, Duration measure, long maxRequests, WorkSource source,
      boolean virtual) throws InterruptedException {
    System.out.printf(Locale.ROOT, "running: %s ... (from %s)%n", name, Instant.now());
    AtomicBoolean measuring = new AtomicBoolean(false);
    AtomicBoolean stop = new AtomicBoolean(false);
    AtomicLong budget = new AtomicLong(maxRequests);
    AtomicLong errors = new AtomicLong();
    long[][] histograms = new long[clients][MAX_MICROS + 1];
    long[] counts = new long[clients];
    CountDownLatch done = new CountDownLatch(clients);
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < clients; i++) {
      int id = i;
      Runnable client = () -> {
        try {
          Work w = source.open();
          long[] h = histograms[id];
          while (!stop.get()) {
            boolean counted = measuring.get();
            if (counted && budget.decrementAndGet() < 0) {
              break;
            }
            long t0 = System.nanoTime();
            boolean ok;
            try {
              ok = w.run();
            } catch (Exception e) {
              ok = false;
            }
            long micros = (System.nanoTime() - t0) / 1000;
            if (counted && measuring.get()) {
              h[(int) Math.min(micros, MAX_MICROS)]++;
              counts[id]++;
              if (!ok) {
                errors.incrementAndGet();
              }
            }
          }
          if (w instanceof AutoCloseable ac) {
            ac.close();
          }
        } catch (Exception e) {
          errors.incrementAndGet();
          System.err.println(name + ": client " + id + " failed: " + e);
        } finally {
          done.countDown();
        }
      };
      Thread t = virtual ? Thread.ofVirtual().name("hookload-v" + i).unstarted(client) : new Thread(client, "hookload-" + i);
      t.setDaemon(true);
      threads.add(t);
      t.start();
    }
    Thread.sleep(warmup.toMillis());
    long start = System.nanoTime();
    long cpuStart = PROCESS.getProcessCpuTime();
    long allocStart = THREADS.getTotalThreadAllocatedBytes();
    measuring.set(true);
    long deadline = start + measure.toNanos();
    while (System.nanoTime() < deadline && budget.get() > 0 && done.getCount() > 0) {
      Thread.sleep(20);
    }
    measuring.set(false);
    long elapsed = System.nanoTime() - start;
    long cpu = PROCESS.getProcessCpuTime() - cpuStart;
    long alloc = THREADS.getTotalThreadAllocatedBytes() - allocStart;
    stop.set(true);
    done.await(30, TimeUnit.SECONDS);
    long[] merged = new long[MAX_MICROS + 1];
    long total = 0;
    for (int i = 0; i < clients; i++) {
      total += counts[i];
      for (int m = 0; m <= MAX_MICROS; m++) {
        merged[m] += histograms[i][m];
      }
    }
    Result r = new Result(name, total, elapsed, percentile(merged, total, 0.50), percentile(merged, total, 0.99),
        percentile(merged, total, 0.999), errors.get(), cpu, alloc);
    System.out.println("  " + r.row() + " (until " + Instant.now() + ")");
    return r;
  }

  private static long percentile(long[] histogram, long total, double q) {
    long rank = (long) Math.ceil(q * total);
    long seen = 0;
    for (int m = 0; m < histogram.length; m++) {
      seen += histogram[m];
      if (seen >= rank && rank > 0) {
        return m;
      }
    }
    return histogram.length - 1;
  }

  /**
   * One phase's outcome. {@code cpuNanos} and {@code allocatedBytes} are this JVM's (server and
   * client threads together; for the Node phase only the client's): per request they hold steady
   * on a busy machine where throughput does not.
   */
  private record Result(String name, long count, long nanos, long p50, long p99, long p999, long errors, long cpuNanos,
      long allocatedBytes) {
    double perSecond() {
      return count * 1e9 / nanos;
    }

    String row() {
      return String.format(Locale.ROOT, "| %s | %,.0f | %s | %s | %s | %d | %.0f | %.1f |", name, perSecond(), ms(p50), ms(p99),
          ms(p999), errors, count == 0 ? 0.0 : cpuNanos / 1000.0 / count, count == 0 ? 0.0 : allocatedBytes / 1024.0 / count);
    }

    private static String ms(long micros) {
      return micros >= MAX_MICROS ? "≥ 200 ms" : String.format(Locale.ROOT, "%.2f ms", micros / 1000.0);
    }
  }

  /** One keep-alive HTTP/1.1 connection; reads responses with a Content-Length. */
  private static final class Conn implements AutoCloseable {
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final byte[] buf = new byte[64 * 1024];
    private int start;
    private int end;

    Conn(int port) throws IOException {
      socket = new Socket();
      socket.setTcpNoDelay(true);
      socket.connect(new InetSocketAddress(LOOPBACK, port), 5_000);
      socket.setSoTimeout(30_000);
      in = socket.getInputStream();
      out = socket.getOutputStream();
    }

    /** Sends {@code request}, returns the body of a 200 answer; an exception for anything else. */
    String exchange(byte[] request) throws IOException {
      out.write(request);
      out.flush();
      int headerEnd;
      while ((headerEnd = indexOfHeaderEnd()) < 0) {
        fill();
      }
      String head = new String(buf, start, headerEnd - start, StandardCharsets.US_ASCII);
      start = headerEnd + 4;
      int status = Integer.parseInt(head.substring(9, 12));
      int length = -1;
      for (String line : head.split("\r\n")) {
        int colon = line.indexOf(':');
        if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase("content-length")) {
          length = Integer.parseInt(line.substring(colon + 1).trim());
        }
      }
      if (length < 0) {
        throw new IOException("no Content-Length in " + head);
      }
      while (end - start < length) {
        fill();
      }
      String body = new String(buf, start, length, StandardCharsets.UTF_8);
      start += length;
      if (status != 200) {
        throw new IOException("HTTP " + status + ": " + body);
      }
      return body;
    }

    private int indexOfHeaderEnd() {
      for (int i = start; i + 3 < end; i++) {
        if (buf[i] == '\r' && buf[i + 1] == '\n' && buf[i + 2] == '\r' && buf[i + 3] == '\n') {
          return i;
        }
      }
      return -1;
    }

    private void fill() throws IOException {
      if (start == end) {
        start = 0;
        end = 0;
      } else if (end == buf.length) {
        System.arraycopy(buf, start, buf, 0, end - start);
        end -= start;
        start = 0;
      }
      int n = in.read(buf, end, buf.length - end);
      if (n < 0) {
        throw new IOException("connection closed");
      }
      end += n;
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }

  private static void deleteTree(Path root) {
    try (Stream<Path> s = Files.walk(root)) {
      s.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.deleteIfExists(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (IOException | UncheckedIOException e) {
      System.err.println("could not delete " + root + ": " + e.getMessage());
    }
  }
}
