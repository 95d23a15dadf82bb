package dev.countersign.server;

import static java.util.Objects.requireNonNull;

import dev.countersign.store.Store;
import dev.countersign.store.StoreException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * Group commit of audit events: callers that append at the same time share one write transaction,
 * and each returns only once its own event is committed (or throws if that transaction failed).
 *
 * <p>On H2 every write transaction is serialised and its commit writes to the file, so one
 * transaction per hook decision caps decisions at the commit rate; batching the events of
 * concurrent decisions keeps one durable event per decision, before its answer, at a fraction of the
 * commits. No thread of its own: the first waiting caller writes the batch (leader), the others wait
 * for it, and one of those still waiting leads the next batch.
 */
final class AuditBatcher {
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

  private static final class Pending {
    final Event event;
    boolean done;
    @Nullable RuntimeException failure;

    Pending(Event event) {
      this.event = event;
    }
  }

  private final Store store;
  private final ChangeService changes;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition written = lock.newCondition();
  private List<Pending> queue = new ArrayList<>();
  private boolean writing;

  AuditBatcher(Store store, ChangeService changes) {
    this.store = requireNonNull(store, "store");
    this.changes = requireNonNull(changes, "changes");
  }

  /** Appends {@code event} durably, sharing the transaction with concurrent callers; throws if it failed. */
  void append(Event event) {
    Pending mine = new Pending(event);
    List<Pending> batch;
    lock.lock();
    try {
      queue.add(mine);
      while (writing && !mine.done) {
        written.awaitUninterruptibly();
      }
      if (mine.done) {
        throwIfFailed(mine);
        return;
      }
      writing = true;
      batch = queue;
      queue = new ArrayList<>();
    } finally {
      lock.unlock();
    }
    @Nullable RuntimeException failure = null;
    try {
      store.inTransaction(tx -> {
        for (Pending p : batch) {
          changes.appendAudit(tx, p.event.type(), p.event.actor(), p.event.subject(), p.event.payload(), p.event.at());
        }
      });
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
