package dev.countersign.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** H2 behaviour that needs a second JVM: sharing the file with another process, and kill -9. */
class H2ProcessTest {
  @TempDir Path dir;

  @Test
  @Timeout(120)
  void secondProcess_canCreateATokenWhileTheServerHoldsTheDatabase() throws Exception {
    try (Store server = Fixtures.open(StoreConfig.h2File(dir))) {
      server.inTransaction(
          tx -> tx.principals().upsert(new PrincipalRecord("mia", "human", "{}", Fixtures.T0)));

      Process cli = child("create-token", dir.toString(), "mia");
      List<String> out = readAll(cli);
      assertThat(cli.waitFor(60, TimeUnit.SECONDS)).isTrue();

      assertThat(cli.exitValue()).as(String.join("\n", out)).isZero();
      assertThat(out).contains("principals 1");
      String token =
          out.stream()
              .filter(l -> l.startsWith("token "))
              .findFirst()
              .orElseThrow()
              .substring("token ".length());
      assertThat(server.transaction((Tx tx) -> tx.tokens().authenticate(token))).contains("mia");
      server.inTransaction(tx -> tx.audit().append("x", "mia", "s", "{}", Instant.EPOCH));
    }
  }

  @Test
  @Timeout(120)
  void serverOpenedWhileACliHoldsTheDatabase_keepsWorkingAfterTheCliExits() throws Exception {
    Process cli = child("hold", dir.toString());
    BufferedReader cliOut = reader(cli);
    assertThat(cliOut.lines().filter("ready"::equals).findFirst()).isPresent();

    try (Store server = Fixtures.open(StoreConfig.h2File(dir))) {
      long first =
          server.transaction((Tx tx) -> tx.audit().append("a", "s", "s", "{}", Instant.EPOCH));
      cli.getOutputStream().close();
      assertThat(cli.waitFor(60, TimeUnit.SECONDS)).isTrue();
      cliOut.close();

      for (int i = 0; i < 20; i++) {
        server.inTransaction(tx -> tx.audit().append("b", "s", "s", "{}", Instant.EPOCH));
      }
      assertThat(first).isEqualTo(2);
      assertThat(server.transaction((Tx tx) -> tx.audit().lastSeq())).isEqualTo(22);
    }
  }

  @Test
  @Timeout(180)
  void everyAcknowledgedCommit_survivesKillDashNine() throws Exception {
    long seed = System.nanoTime();
    int killAfter = 20 + new Random(seed).nextInt(80);
    Process child = child("commit-loop", dir.toString(), "100000");
    List<String> other = new ArrayList<>();
    int acknowledged = acknowledgedUntilKilled(child, "committed ", killAfter, other);
    child.waitFor(30, TimeUnit.SECONDS);
    assertThat(acknowledged)
        .as("seed %s, output %s", seed, other)
        .isGreaterThanOrEqualTo(killAfter);

    try (Store reopened = Fixtures.open(StoreConfig.h2File(dir))) {
      int acked = acknowledged;
      for (int k = 1; k <= acked; k++) {
        String id = "ch_crash_" + k;
        assertThat(reopened.transaction((Tx tx) -> tx.changes().get(id)))
            .as("seed %s: %s", seed, id)
            .isPresent();
      }
      long lastSeq = reopened.transaction((Tx tx) -> tx.audit().lastSeq());
      assertThat(lastSeq).isGreaterThanOrEqualTo(acked);
      assertThat(reopened.transaction((Tx tx) -> tx.audit().range(1, (int) lastSeq + 1)))
          .extracting(AuditRecord::subject)
          .startsWith(
              java.util.stream.IntStream.rangeClosed(1, acked)
                  .mapToObj(k -> "ch_crash_" + k)
                  .toArray(String[]::new));
      System.out.printf(
          "kill -9 after %d acknowledged commits (seed %d); %d found%n", acked, seed, lastSeq);
    }
  }

  @Test
  @Timeout(180)
  void everySpooledEntry_survivesKillDashNine_andIsMovedExactlyOnce() throws Exception {
    long seed = System.nanoTime();
    int killAfter = 200 + new Random(seed).nextInt(2000);
    Process child = child("spool-loop", dir.toString(), "1000000");
    List<String> other = new ArrayList<>();
    // killed while the spool moves entries every 10 ms
    int acknowledged = acknowledgedUntilKilled(child, "spooled ", killAfter, other);
    child.waitFor(30, TimeUnit.SECONDS);
    assertThat(acknowledged).as("seed %s, output %s", seed, other).isGreaterThanOrEqualTo(killAfter);

    try (Store reopened = Fixtures.open(StoreConfig.h2File(dir));
        AuditSpool spool = AuditSpool.open(dir.resolve(AuditSpool.FILE_NAME), reopened)) {
      long lastSeq = reopened.transaction((Tx tx) -> tx.audit().lastSeq());
      List<String> subjects =
          reopened.transaction((Tx tx) -> tx.audit().range(1, (int) lastSeq + 1)).stream()
              .map(AuditRecord::subject)
              .toList();
      assertThat(subjects.size()).as("seed %s", seed).isGreaterThanOrEqualTo(acknowledged);
      assertThat(subjects)
          .as("seed %s: every entry once, in the order written", seed)
          .isEqualTo(
              java.util.stream.IntStream.rangeClosed(1, subjects.size())
                  .mapToObj(k -> "spooled " + k)
                  .toList());
      System.out.printf(
          "kill -9 after %d acknowledged spool writes (seed %d); %d in the log%n",
          acknowledged, seed, subjects.size());
    }
  }

  /**
   * Reads the child's output to its end, killing the child (SIGKILL) once it has acknowledged step
   * {@code killAfter}; returns the last step it acknowledged and adds its other lines to {@code other}.
   */
  private static int acknowledgedUntilKilled(Process child, String prefix, int killAfter, List<String> other)
      throws IOException {
    int acknowledged = 0;
    try (BufferedReader out = reader(child)) {
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        if (line.startsWith(prefix)) {
          acknowledged = Integer.parseInt(line.substring(prefix.length()));
          if (acknowledged == killAfter) {
            // SIGKILL through the handle: Process.destroyForcibly() would also close our end of the
            // pipe, losing acknowledgements the child printed just before it died.
            child.toHandle().destroyForcibly();
          }
        } else {
          other.add(line);
        }
      }
    }
    return acknowledged;
  }

  private static Process child(String... args) throws IOException {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                H2Child.class.getName()));
    command.addAll(List.of(args));
    return new ProcessBuilder(command).redirectErrorStream(true).start();
  }

  private static BufferedReader reader(Process p) {
    return new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
  }

  private static List<String> readAll(Process p) throws IOException {
    try (BufferedReader out = reader(p)) {
      return out.lines().toList();
    }
  }
}
