package dev.countersign.store;

import static java.util.concurrent.TimeUnit.MILLISECONDS;

import dev.countersign.store.StoreException.Reason;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Lets one transaction at a time write to an embedded H2 database from this JVM.
 *
 * <p>H2 2.5.252 loses updates when several transactions wait for the same row lock while some of
 * them roll back: stress runs ({@code H2StressTest}) showed a lost increment under {@code SELECT
 * ... FOR UPDATE} and duplicate or backwards audit sequence numbers. With writers serialised here,
 * no two transactions of this process ever wait on the same H2 row lock. A transaction enters at
 * its first write or lock; until then it has only read, and reads take no locks, so waiting here
 * cannot deadlock with a database lock. PostgreSQL's row locks are sound: it gets an open gate.
 */
final class WriteGate {
  /** As long as a row lock may wait ({@code LOCK_TIMEOUT}). */
  static final long TIMEOUT_MILLIS = 10_000;

  private static final ConcurrentMap<String, ReentrantLock> H2_GATES = new ConcurrentHashMap<>();
  private static final WriteGate OPEN = new WriteGate(Optional.empty());

  private final Optional<ReentrantLock> lock;

  private WriteGate(Optional<ReentrantLock> lock) {
    this.lock = lock;
  }

  /** The gate shared by every store of this JVM on the same H2 database; open for PostgreSQL. */
  static WriteGate forConfig(StoreConfig config) {
    if (!config.isH2()) {
      return OPEN;
    }
    String database = config.jdbcUrl().split(";", 2)[0];
    return new WriteGate(
        Optional.of(H2_GATES.computeIfAbsent(database, key -> new ReentrantLock(true))));
  }

  /** Waits until the calling thread may write, or fails as unavailable after the timeout. */
  void enter() {
    if (lock.isEmpty()) {
      return;
    }
    try {
      if (!lock.get().tryLock(TIMEOUT_MILLIS, MILLISECONDS)) {
        throw new StoreException(Reason.UNAVAILABLE, "the database is busy: try again");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreException(Reason.UNAVAILABLE, "interrupted while waiting to write");
    }
  }

  /** Lets the next writer in; call once per successful {@link #enter()}, on the same thread. */
  void leave() {
    lock.ifPresent(ReentrantLock::unlock);
  }
}
