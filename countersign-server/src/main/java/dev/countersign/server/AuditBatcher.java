package dev.countersign.server;

import static java.util.Objects.requireNonNull;

import dev.countersign.store.AuditLog;
import dev.countersign.store.AuditSpool;
import dev.countersign.store.Store;
import dev.countersign.store.StoreException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * Group commit of audit events: callers that append at the same time share one write transaction,
 * and each returns only once its own event is committed (or throws if that transaction failed).
 *
 * <p>A commit costs far more than the rows it writes (on H2, about 100 µs against 5 µs per event:
 * every commit writes a new chunk of pages), so one transaction per hook decision caps decisions at
 * the commit rate. No thread of its own: the first waiting caller writes the batch (leader), the
 * others wait for it, and one of those still waiting leads the next batch.
 *
 * <p>Like PostgreSQL's {@code commit_delay} with {@code commit_siblings}, the leader waits a little
 * (at most {@link #window}) before writing, but only while decisions that will append are already
 * under way ({@link #begin()}): on an idle server a lone decision is written at once, and under
 * load the batch grows to the decisions in flight instead of one commit each.
 *
 * <p>With an {@link AuditSpool} (embedded H2), a batch is one write to the spool file instead of a
 * transaction, and the spool moves the events into the audit log in far larger transactions: an H2
 * commit costs about the same for a thousand events as for a few.
 */
final class AuditBatcher {
  /** How long a leader waits at most for decisions under way; well inside the hook's p99 budget. */
  static final Duration DEFAULT_WINDOW = Duration.ofMillis(1);

  /** No batch holds more events than this: a bound on one transaction's size. */
  static final int MAX_BATCH = 256;

  /** One audit event to append. */
  record Event(String type, String actor, String subject, Map<String, Object> payload, Instant at) {
    Event {
      requireNonNull(type, "type");
      requireNonNull(actor, "actor");
      requireNonNull(subject, "subject");
      requireNonNull(payload, "payload");
      requireNonNull(at, "at");
    }
  }

  /** A decision under way that may append one event; end it with {@link #end(Ticket)} in any case. */
  static final class Ticket {
    private boolean counted = true;

    private Ticket() {}
  }

  private static final class Pending {
    final AuditLog.Entry entry;
    boolean done;
    @Nullable RuntimeException failure;

    Pending(AuditLog.Entry entry) {
      this.entry = entry;
    }
  }

  private final Store store;
  private final ChangeService changes;
  private final Optional<AuditSpool> spool;
  private final long windowNanos;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition written = lock.newCondition();
  private final Condition arrived = lock.newCondition();
  private List<Pending> queue = new ArrayList<>();
  private boolean writing;
  /** Decisions begun that have neither queued their event nor ended. */
  private int underWay;

  AuditBatcher(Store store, ChangeService changes) {
    this(store, changes, DEFAULT_WINDOW);
  }

  AuditBatcher(Store store, ChangeService changes, Duration window) {
    this(store, changes, window, Optional.empty());
  }

  /** A batcher that writes each batch to {@code spool} when there is one, else commits it to the store. */
  AuditBatcher(Store store, ChangeService changes, Duration window, Optional<AuditSpool> spool) {
    this.store = requireNonNull(store, "store");
    this.changes = requireNonNull(changes, "changes");
    this.spool = requireNonNull(spool, "spool");
    if (window.isNegative()) {
      throw new IllegalArgumentException("the group commit window must not be negative");
    }
    this.windowNanos = window.toNanos();
  }

  /** Counts a decision that may append: a leader about to write waits (briefly) for it. */
  Ticket begin() {
    lock.lock();
    try {
      underWay++;
      return new Ticket();
    } finally {
      lock.unlock();
    }
  }

  /** Ends a decision's count if its event was not appended; safe to call more than once. */
  void end(Ticket ticket) {
    lock.lock();
    try {
      if (uncount(ticket)) {
        arrived.signalAll();
      }
    } finally {
      lock.unlock();
    }
  }

  /** Appends {@code event} durably, sharing the transaction with concurrent callers; throws if it failed. */
  void append(Ticket ticket, Event event) {
    // Serialised here, on the caller's thread, so the leader's turn is only the database write.
    Pending mine = new Pending(changes.auditEntry(event.type(), event.actor(), event.subject(), event.payload(), event.at()));
    List<Pending> batch;
    lock.lock();
    try {
      uncount(ticket);
      queue.add(mine);
      arrived.signalAll();
      while (writing && !mine.done) {
        written.awaitUninterruptibly();
      }
      if (mine.done) {
        throwIfFailed(mine);
        return;
      }
      writing = true;
      gather();
      batch = queue;
      queue = new ArrayList<>();
    } finally {
      lock.unlock();
    }
    @Nullable RuntimeException failure = null;
    try {
      List<AuditLog.Entry> entries = new ArrayList<>(batch.size());
      for (Pending p : batch) {
        entries.add(p.entry);
      }
      if (spool.isPresent()) {
        spool.get().write(entries);
      } else {
        store.inTransaction(tx -> tx.audit().appendAll(entries));
      }
    } catch (RuntimeException e) {
      failure = e;
    }
    lock.lock();
    try {
      for (Pending p : batch) {
        p.done = true;
        p.failure = p == mine ? failure : copy(failure);
      }
      writing = false;
      written.signalAll();
    } finally {
      lock.unlock();
    }
    throwIfFailed(mine);
  }

  /** As leader (holding the lock): waits, within the window, for the decisions still under way. */
  private void gather() {
    long deadline = System.nanoTime() + windowNanos;
    while (underWay > 0 && queue.size() < MAX_BATCH) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return;
      }
      try {
        arrived.awaitNanos(left);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return; // write what there is; the caller sees its interrupt status
      }
    }
  }

  private boolean uncount(Ticket ticket) {
    if (!ticket.counted) {
      return false;
    }
    ticket.counted = false;
    underWay--;
    return true;
  }

  private static void throwIfFailed(Pending p) {
    if (p.failure != null) {
      throw p.failure;
    }
  }

  /** The failure as seen by another caller of the same batch (its own stack trace). */
  private static @Nullable RuntimeException copy(@Nullable RuntimeException failure) {
    if (failure == null) {
      return null;
    }
    if (failure instanceof StoreException s) {
      return new StoreException(s.reason(), s.getMessage(), s);
    }
    return new IllegalStateException("the audit batch failed: " + failure.getMessage(), failure);
  }
}
