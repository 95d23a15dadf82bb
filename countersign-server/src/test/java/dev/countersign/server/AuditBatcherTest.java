package dev.countersign.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.countersign.analyze.Analyzers;
import dev.countersign.analyze.InputLimits;
import dev.countersign.config.org.OrgYaml;
import dev.countersign.directory.Directory;
import dev.countersign.store.AuditRecord;
import dev.countersign.store.AuditSpool;
import dev.countersign.store.Store;
import dev.countersign.store.StoreConfig;
import dev.countersign.store.StoreException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Instant;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Group commit of hook audit events: every event is durable before its caller returns, once. */
class AuditBatcherTest {
  private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

  @TempDir Path dir;

  private static ChangeService changes(Store store) {
    Directory directory = OrgYaml.parse(TestServer.ORG, "test-org.yaml");
    return new ChangeService(store, () -> directory, () -> {
      throw new IllegalStateException("no policy needed");
    }, (kind, content) -> Analyzers.standard().analyze(content, InputLimits.defaults()), () -> NOW,
        new JsonCodec(InputLimits.DEFAULT_MAX_BYTES));
  }

  private static AuditBatcher.Event event(String subject) {
    return new AuditBatcher.Event(HookEvents.TYPE, "kiro-7", subject, Map.of("answer", "allow"), NOW);
  }

  @Test
  void concurrentAppends_areEachCommittedExactlyOnce_beforeTheirCallerReturns() throws Exception {
    try (Store store = Store.open(StoreConfig.h2File(dir))) {
      AuditBatcher batcher = new AuditBatcher(store, changes(store));
      int threads = 16;
      int each = 40;
      CountDownLatch start = new CountDownLatch(1);
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int id = t;
        done.add(pool.submit(() -> {
          start.await();
          for (int i = 0; i < each; i++) {
            String subject = id + "-" + i;
            batcher.append(batcher.begin(), event(subject));
            // durable on return: visible to a fresh transaction at once
            boolean seen = store.transaction(tx -> tx.audit().range(1, 100_000).stream().anyMatch(a -> a.subject().equals(subject)));
            if (!seen) {
              throw new AssertionError("event " + subject + " not committed when append returned");
            }
          }
          return null;
        }));
      }
      start.countDown();
      for (Future<?> f : done) {
        f.get();
      }
      pool.shutdown();

      List<AuditRecord> all = store.transaction(tx -> tx.audit().range(1, 100_000));
      Set<String> subjects = new HashSet<>();
      all.forEach(a -> subjects.add(a.subject()));
      assertThat(all).hasSize(threads * each);
      assertThat(subjects).hasSize(threads * each);
      assertThat(all).extracting(AuditRecord::seq).isSorted().doesNotHaveDuplicates();
    }
  }

  @Test
  void withASpool_concurrentAppends_reachTheAuditLogExactlyOnce_inSequenceOrder() throws Exception {
    try (Store store = Store.open(StoreConfig.h2File(dir))) {
      AuditSpool spool = AuditSpool.open(dir.resolve(AuditSpool.FILE_NAME), store);
      AuditBatcher batcher = new AuditBatcher(store, changes(store), AuditBatcher.DEFAULT_WINDOW, Optional.of(spool));
      int threads = 16;
      int each = 100;
      ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int id = t;
        done.add(pool.submit(() -> {
          for (int i = 0; i < each; i++) {
            batcher.append(batcher.begin(), event(id + "-" + i));
          }
          return null;
        }));
      }
      for (Future<?> f : done) {
        f.get();
      }
      pool.shutdown();
      spool.close(); // moves what the mover has not moved yet

      List<AuditRecord> all = store.transaction(tx -> tx.audit().range(1, 100_000));
      assertThat(all).hasSize(threads * each);
      assertThat(all).extracting(AuditRecord::subject).doesNotHaveDuplicates();
      assertThat(all).extracting(AuditRecord::seq).isSorted().doesNotHaveDuplicates();
    }
  }

  @Test
  void aSpoolThatCannotBeWritten_failsTheCaller_soTheHookAnswersDeny() {
    try (Store store = Store.open(StoreConfig.h2File(dir))) {
      AuditSpool spool = AuditSpool.open(dir.resolve(AuditSpool.FILE_NAME), store);
      spool.close();
      AuditBatcher batcher = new AuditBatcher(store, changes(store), AuditBatcher.DEFAULT_WINDOW, Optional.of(spool));

      assertThatThrownBy(() -> batcher.append(batcher.begin(), event("x")))
          .isInstanceOf(StoreException.class)
          .hasMessageContaining("audit spool");
      assertThat(store.transaction(tx -> tx.audit().lastSeq()).longValue()).isZero();
    }
  }

  @Test
  void failedTransaction_failsTheCaller_soTheHookAnswersDeny() {
    try (Store real = Store.open(StoreConfig.h2File(dir))) {
      Store broken = (Store) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Store.class},
          (proxy, method, args) -> {
            if (method.getName().equals("inTransaction")) {
              throw new StoreException(StoreException.Reason.UNAVAILABLE, "database down");
            }
            try {
              return method.invoke(real, args);
            } catch (InvocationTargetException e) {
              throw e.getCause();
            }
          });
      AuditBatcher batcher = new AuditBatcher(broken, changes(real));

      assertThatThrownBy(() -> batcher.append(batcher.begin(), event("x"))).isInstanceOf(StoreException.class).hasMessageContaining("database down");
      long last = real.transaction(tx -> tx.audit().lastSeq());
      assertThat(last).isZero();
    }
  }

  /** {@code real}, counting its write transactions. */
  private static Store counting(Store real, AtomicInteger writes) {
    return (Store) Proxy.newProxyInstance(AuditBatcherTest.class.getClassLoader(), new Class<?>[] {Store.class},
        (proxy, method, args) -> {
          if (method.getName().equals("inTransaction")) {
            writes.incrementAndGet();
          }
          try {
            return method.invoke(real, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
  }

  @Test
  void leader_waitsForADecisionUnderWay_andBothShareOneCommit() throws Exception {
    try (Store real = Store.open(StoreConfig.h2File(dir))) {
      AtomicInteger writes = new AtomicInteger();
      AuditBatcher batcher = new AuditBatcher(counting(real, writes), changes(real), Duration.ofMinutes(10));
      AuditBatcher.Ticket first = batcher.begin();
      AuditBatcher.Ticket second = batcher.begin();
      ExecutorService pool = Executors.newSingleThreadExecutor();
      Future<?> leader = pool.submit(() -> batcher.append(first, event("first")));

      // the leader holds its batch open while the second decision is under way
      assertThatThrownBy(() -> leader.get(200, TimeUnit.MILLISECONDS)).isInstanceOf(TimeoutException.class);
      batcher.append(second, event("second"));
      leader.get(30, TimeUnit.SECONDS);
      pool.shutdown();

      assertThat(writes.get()).isEqualTo(1);
      List<AuditRecord> written = real.transaction(tx -> tx.audit().range(1, 10));
      assertThat(written).extracting(AuditRecord::subject)
          .containsExactlyInAnyOrder("first", "second");
    }
  }

  @Test
  void aDecisionThatEndsWithoutAnEvent_releasesTheWaitingLeader() throws Exception {
    try (Store store = Store.open(StoreConfig.h2File(dir))) {
      AuditBatcher batcher = new AuditBatcher(store, changes(store), Duration.ofMinutes(10));
      AuditBatcher.Ticket appending = batcher.begin();
      AuditBatcher.Ticket abandoned = batcher.begin();
      ExecutorService pool = Executors.newSingleThreadExecutor();
      Future<?> leader = pool.submit(() -> batcher.append(appending, event("only")));
      assertThatThrownBy(() -> leader.get(200, TimeUnit.MILLISECONDS)).isInstanceOf(TimeoutException.class);

      batcher.end(abandoned);
      batcher.end(abandoned); // ending twice counts once

      leader.get(30, TimeUnit.SECONDS);
      pool.shutdown();
      assertThat(store.transaction(tx -> tx.audit().lastSeq()).longValue()).isEqualTo(1L);
    }
  }

  @Test
  void aLoneDecision_isWrittenAtOnce_withoutWaitingForTheWindow() throws Exception {
    try (Store store = Store.open(StoreConfig.h2File(dir))) {
      AuditBatcher batcher = new AuditBatcher(store, changes(store), Duration.ofDays(1));
      ExecutorService pool = Executors.newSingleThreadExecutor();
      AuditBatcher.Ticket ticket = batcher.begin();
      // nothing else is under way: a one-day window must not delay it (bounded wait, not a timing claim)
      pool.submit(() -> batcher.append(ticket, event("alone"))).get(30, TimeUnit.SECONDS);
      pool.shutdown();
      assertThat(store.transaction(tx -> tx.audit().lastSeq()).longValue()).isEqualTo(1L);
    }
  }
}
