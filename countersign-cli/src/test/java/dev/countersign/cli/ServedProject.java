package dev.countersign.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What every real-client end-to-end test stands on: a real {@code countersign serve} process whose
 * org has two humans (mia, mid-level; sam, senior) and one agent sponsored by mia with a grant for
 * production {@code payments-api}, that agent's production-scoped token, and a project folder whose
 * {@code prod-env/MARKER} a blocked destructive command must leave in place. The agent's CLI, its
 * fake model and its hook settings stay in each test.
 */
final class ServedProject implements AutoCloseable {
  /** The PATH the agent CLIs run with. */
  static final String PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
  private static final String ORG =
      """
      humans:
        - {id: mia, level: mid, teams: [payments]}
        - {id: sam, level: senior, teams: [payments]}
      agents:
        - id: %s
          sponsor: mia
          vendor: %s
          model: %s
          grants:
            - environments: [production]
              services: [payments-api]
              verbs: [read, create, update, exec]
              expires: 2099-01-01T00:00:00Z
      """;

  private final Path tmp;
  private final Path dataDir;
  private final Path org;
  private final ServerProcess server;
  private final Path project;
  private final String agentToken;

  private ServedProject(Path tmp, String agentId, String vendor, String model, int holdSeconds) throws IOException {
    this.tmp = tmp;
    this.dataDir = tmp.resolve("data");
    this.org = tmp.resolve("org.yaml");
    Files.writeString(org, ORG.formatted(agentId, vendor, model));
    this.server = ServerProcess.start("--data-dir", dataDir.toString(), "--org", org.toString(),
        "--hook-hold", "PT" + holdSeconds + "S");
    this.agentToken = token(agentId, "--env", "production", "--service", "payments-api");
    this.project = tmp.resolve("shop-infra");
    Files.createDirectories(project.resolve("prod-env"));
    Files.writeString(marker(), "precious\n");
  }

  /**
   * Starts the server with its data in {@code tmp}; the org's agent is {@code agentId} ({@code
   * vendor}, {@code model}), and the server holds a hook call that needs approval up to {@code
   * holdSeconds}.
   */
  static ServedProject start(Path tmp, String agentId, String vendor, String model, int holdSeconds) throws IOException {
    return new ServedProject(tmp, agentId, vendor, model, holdSeconds);
  }

  /** The server's base URL. */
  String url() {
    return server.url();
  }

  /** The agent's working folder, {@code shop-infra}. */
  Path project() {
    return project;
  }

  /** {@code prod-env/MARKER} in the project: still there means nothing destroyed production. */
  Path marker() {
    return project.resolve("prod-env/MARKER");
  }

  /** The agent's HOME, created on first use. */
  Path home() throws IOException {
    return Files.createDirectories(tmp.resolve("home"));
  }

  /** The environment every agent CLI runs with; each test adds its client's own variables. */
  Map<String, String> agentEnv() throws IOException {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("PATH", PATH);
    env.put("HOME", home().toString());
    env.put("COUNTERSIGN_TOKEN", agentToken);
    env.put("NO_PROXY", "127.0.0.1,localhost");
    return env;
  }

  /** A token made by {@code countersign token create} for {@code principal}, with any scope options. */
  String token(String principal, String... scope) {
    List<String> args = new ArrayList<>(List.of("token", "create", "--principal", principal,
        "--data-dir", dataDir.toString(), "--org", org.toString()));
    args.addAll(List.of(scope));
    CliRun r = CliRun.of(args.toArray(String[]::new));
    assertThat(r.exitCode()).as(r.err()).isZero();
    String[] lines = r.out().strip().split("\n");
    return lines[lines.length - 1].strip();
  }

  /**
   * Runs {@code countersign hook install AGENT} for the project against this server, with the
   * client's hook timeout and any {@code options}, and checks that it succeeded.
   */
  CliRun installHook(String agent, int timeoutSeconds, String... options) {
    List<String> args = new ArrayList<>(List.of("hook", "install", agent, "--project", project.toString(), "--url", url(),
        "--timeout", String.valueOf(timeoutSeconds)));
    args.addAll(List.of(options));
    CliRun install = CliRun.of(args.toArray(String[]::new));
    assertThat(install.exitCode()).as(install.err()).isZero();
    return install;
  }

  /** A {@code countersign} launcher for the hook: this build's classes on a fresh JVM. */
  Path launcher() throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Path args = tmp.resolve("countersign.args");
    Files.writeString(args, "-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xshare:auto -cp \""
        + System.getProperty("java.class.path").replace("\\", "\\\\") + "\" " + Main.class.getName() + "\n");
    Path bin = Files.createDirectories(tmp.resolve("bin")).resolve("countersign");
    Files.writeString(bin, "#!/bin/sh\nexec '" + java + "' '@" + args + "' \"$@\"\n");
    Files.setPosixFilePermissions(bin, PosixFilePermissions.fromString("rwxr-xr-x"));
    return bin;
  }

  /** Stops the server as an operator would (SIGTERM); true if it ended within 30 s. */
  boolean stopServer() throws InterruptedException {
    server.process().destroy();
    return server.process().waitFor(30, TimeUnit.SECONDS);
  }

  @Override
  public void close() throws InterruptedException {
    Process p = server.process();
    p.destroy();
    if (!p.waitFor(20, TimeUnit.SECONDS)) {
      p.destroyForcibly();
    }
  }
}
