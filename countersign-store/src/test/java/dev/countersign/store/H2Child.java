package dev.countersign.store;

import java.nio.file.Path;
import java.time.Instant;

/**
 * The second process of the H2 process tests, started by {@link H2ProcessTest} with the test class
 * path. Commands: {@code commit-loop DIR N} commits N changes, each with an audit entry, printing
 * {@code committed k} after each commit; {@code create-token DIR PRINCIPAL} creates a token while
 * another process holds the database and prints {@code token <plaintext>}; {@code hold DIR} opens
 * the database, prints {@code ready} and keeps it open until its stdin closes; {@code spool-loop
 * DIR N} writes N audit entries through the audit spool, one write each, printing {@code spooled
 * k} after each.
 */
public final class H2Child {
  private H2Child() {}

  public static void main(String[] args) {
    Path dir = Path.of(args[1]);
    try (Store store = Store.open(StoreConfig.h2File(dir).withPoolSize(2))) {
      switch (args[0]) {
        case "commit-loop" -> commitLoop(store, Integer.parseInt(args[2]));
        case "create-token" -> createToken(store, args[2]);
        case "hold" -> hold(store);
        case "spool-loop" -> spoolLoop(store, dir, Integer.parseInt(args[2]));
        default -> throw new IllegalArgumentException("unknown command " + args[0]);
      }
    }
  }

  private static void commitLoop(Store store, int n) {
    String padding = "x".repeat(3000);
    for (int k = 1; k <= n; k++) {
      int seq = k;
      store.inTransaction(
          tx -> {
            Instant at = Fixtures.at(seq);
            tx.changes().insert(Fixtures.change("crash " + seq, at).withId("ch_crash_" + seq));
            tx.audit().append("change.proposed", "mia", "ch_crash_" + seq, padding, at);
          });
      System.out.println("committed " + k);
      System.out.flush();
    }
  }

  private static void spoolLoop(Store store, Path dir, int n) {
    try (AuditSpool spool = AuditSpool.open(dir.resolve(AuditSpool.FILE_NAME), store)) {
      for (int k = 1; k <= n; k++) {
        spool.write(
            java.util.List.of(
                new AuditLog.Entry("hook.decided", "kiro-7", "spooled " + k, "{\"k\":" + k + "}", Fixtures.at(k))));
        System.out.println("spooled " + k);
        System.out.flush();
      }
    }
  }

  private static void createToken(Store store, String principal) {
    long principals = store.transaction(tx -> tx.principals().list().size());
    IssuedToken token =
        store.transaction(
            tx -> tx.tokens().create(principal, "cli", Instant.parse("2026-03-01T10:00:00Z")));
    System.out.println("principals " + principals);
    System.out.println("token " + token.plaintext());
    System.out.flush();
  }

  private static void hold(Store store) {
    store.inTransaction(tx -> tx.audit().append("held", "cli", "s", "{}", Fixtures.at(0)));
    System.out.println("ready");
    System.out.flush();
    try {
      while (System.in.read() >= 0) {
        // wait for the parent to close our stdin
      }
    } catch (java.io.IOException e) {
      // parent gone: exit
    }
  }
}
