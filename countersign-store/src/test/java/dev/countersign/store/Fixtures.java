package dev.countersign.store;

import dev.countersign.policy.Verdict;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** Sample records, a fixed time line and predictable ids for the store tests. */
final class Fixtures {
  static final Instant T0 = Instant.parse("2026-03-01T09:00:00.123456Z");

  private Fixtures() {}

  /** The instant {@code seconds} after {@link #T0}. */
  static Instant at(long seconds) {
    return T0.plusSeconds(seconds);
  }

  /** Ids {@code <prefix>test<n>} from a counter, safe to share between threads. */
  static IdSource counterIds() {
    AtomicLong next = new AtomicLong();
    return prefix -> prefix + "test" + next.incrementAndGet();
  }

  /** Opens a store with counter ids and a seeded token generator. */
  static Store open(StoreConfig config) {
    return Store.open(config, counterIds(), seededRandom(42));
  }

  static SecureRandom seededRandom(long seed) {
    try {
      SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
      random.setSeed(seed);
      return random;
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A pending production change with no id yet. */
  static ChangeRecord change(String title, Instant created) {
    return new ChangeRecord(
        "",
        "terraform-plan",
        "production",
        List.of("payments-api", "payments-db"),
        "mia",
        "kiro-7",
        true,
        title,
        "{\"resource_changes\":[]}",
        "sha256:" + "ab".repeat(32),
        "{\"destructive\":false}",
        "",
        "pending",
        created,
        created);
  }

  /** An approval of {@code changeId} by {@code reviewer}. */
  static ReviewRecord approval(String changeId, String reviewer, Instant at) {
    return new ReviewRecord(
        "", changeId, reviewer, Verdict.APPROVE, "sha256:" + "ab".repeat(32), "looks fine", at);
  }
}
