package dev.countersign.store;

import static dev.countersign.store.Fixtures.approval;
import static dev.countersign.store.Fixtures.at;
import static dev.countersign.store.Fixtures.change;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.countersign.policy.Verdict;
import dev.countersign.store.StoreException.Reason;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every store must have, whatever the database: one suite, run by {@link H2StoreTest}
 * and {@link PostgresStoreTest}. Subclasses supply a fresh, empty database per test.
 */
abstract class StoreContract {
  private final List<Store> opened = new ArrayList<>();

  /** A configuration for a new, empty database (or schema) that only this test uses. */
  protected abstract StoreConfig newDatabase() throws Exception;

  /** Opens a store on the configuration and closes it after the test. */
  protected Store open(StoreConfig config) {
    Store store = Fixtures.open(config);
    opened.add(store);
    return store;
  }

  @AfterEach
  void closeStores() {
    opened.forEach(Store::close);
  }

  @Test
  void reopening_appliesMigrationsOnlyOnce() throws Exception {
    StoreConfig config = newDatabase();
    open(config).close();
    Store again = open(config);

    assertThat(again.transaction((Tx tx) -> tx.audit().lastSeq())).isZero();
    assertThat(
            DatabaseDump.count(
                config,
                "SELECT COUNT(*) FROM \"flyway_schema_history\" WHERE \"success\" AND \"version\" ="
                    + " '1'"))
        .isEqualTo(1);
  }

  @Test
  void committedData_survivesCloseAndReopen() throws Exception {
    StoreConfig config = newDatabase();
    Store first = open(config);
    ChangeRecord stored =
        first.transaction((Tx tx) -> tx.changes().insert(change("resize db", at(0))));
    first.inTransaction(
        tx -> tx.audit().append("change.proposed", "mia", stored.id(), "{}", at(1)));
    first.close();

    Store second = open(config);

    assertThat(second.transaction((Tx tx) -> tx.changes().get(stored.id()))).contains(stored);
    assertThat(second.transaction((Tx tx) -> tx.audit().lastSeq())).isEqualTo(1);
  }

  @Test
  void createdToken_isStoredOnlyAsItsHash() throws Exception {
    StoreConfig config = newDatabase();
    Store store = open(config);

    IssuedToken token = store.transaction((Tx tx) -> tx.tokens().create("mia", "laptop", at(0)));

    assertThat(token.plaintext()).matches("cs_[A-Za-z0-9_-]{43}");
    assertThat(token.toString()).doesNotContain(token.plaintext());
    String secretPart = token.plaintext().substring(3);
    assertThat(DatabaseDump.allValues(config))
        .isNotEmpty()
        .noneMatch(value -> value.contains(secretPart))
        .anyMatch(value -> value.equals(sha256Hex(token.plaintext())));
  }

  @Test
  void token_authenticatesAsItsPrincipal_untilRevoked() throws Exception {
    Store store = open(newDatabase());
    IssuedToken token = store.transaction((Tx tx) -> tx.tokens().create("kiro-7", "agent", at(0)));

    assertThat(store.transaction((Tx tx) -> tx.tokens().authenticate(token.plaintext())))
        .contains("kiro-7");
    assertThat(store.transaction((Tx tx) -> tx.tokens().revoke(token.id(), at(5)))).isTrue();
    assertThat(store.transaction((Tx tx) -> tx.tokens().revoke(token.id(), at(6)))).isFalse();
    assertThat(store.transaction((Tx tx) -> tx.tokens().authenticate(token.plaintext()))).isEmpty();
    assertThat(store.transaction((Tx tx) -> tx.tokens().listForPrincipal("kiro-7")))
        .singleElement()
        .satisfies(t -> assertThat(t.revokedAt()).contains(at(5)));
    assertThat(store.transaction((Tx tx) -> tx.tokens().get(token.id())))
        .hasValueSatisfying(t -> assertThat(t.principalId()).isEqualTo("kiro-7"));
    assertThat(store.transaction((Tx tx) -> tx.tokens().get("tok_nosuchtoken"))).isEmpty();
  }

  @Test
  void unknownOrMalformedToken_doesNotAuthenticate() throws Exception {
    Store store = open(newDatabase());
    IssuedToken token = store.transaction((Tx tx) -> tx.tokens().create("mia", "laptop", at(0)));
    String lastCharChanged =
        token.plaintext().substring(0, 45) + (token.plaintext().endsWith("A") ? "B" : "A");

    for (String presented :
        List.of(
            "",
            "cs_",
            "Bearer x",
            lastCharChanged,
            token.plaintext() + "x",
            token.plaintext().toUpperCase(),
            "cs_" + "'".repeat(43))) {
      assertThat(store.transaction((Tx tx) -> tx.tokens().authenticate(presented)))
          .as(presented)
          .isEmpty();
    }
  }

  @Test
  void failedTransaction_leavesNoChangeAndNoAuditEntry() throws Exception {
    Store store = open(newDatabase());
    AtomicReference<String> insertedId = new AtomicReference<>("");

    assertThatThrownBy(
            () ->
                store.inTransaction(
                    tx -> {
                      insertedId.set(tx.changes().insert(change("doomed", at(0))).id());
                      tx.audit().append("change.proposed", "mia", insertedId.get(), "{}", at(0));
                      throw new IllegalStateException("policy blew up");
                    }))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("policy blew up");

    assertThat(store.transaction((Tx tx) -> tx.changes().get(insertedId.get()))).isEmpty();
    assertThat(store.transaction((Tx tx) -> tx.audit().range(1, 10))).isEmpty();
    assertThat(store.transaction((Tx tx) -> tx.audit().append("x", "mia", "s", "{}", at(1))))
        .isEqualTo(1);
  }

  @Test
  void readsBeforeTheFirstWrite_andAfterIt_belongToOneAtomicTransaction() throws Exception {
    Store store = open(newDatabase());

    assertThatThrownBy(
            () ->
                store.inTransaction(
                    tx -> {
                      assertThat(tx.audit().lastSeq()).as("read before the first write").isZero();
                      tx.audit().append("a", "mia", "s", "{}", at(0));
                      assertThat(tx.audit().lastSeq()).as("sees its own write").isEqualTo(1);
                      throw new IllegalStateException("failed after the write");
                    }))
        .hasMessage("failed after the write");

    assertThat(store.transaction((Tx tx) -> tx.audit().lastSeq())).isZero();
  }

  @Test
  void everyKindOfWrite_rollsBackWithItsTransaction_evenAsItsFirstStatement() throws Exception {
    // A transaction begins at its first write: each kind of write must begin it, not autocommit.
    Store store = open(newDatabase());
    String changeId = store.transaction((Tx tx) -> tx.changes().insert(change("kept", at(0)))).id();
    IssuedToken token = store.transaction((Tx tx) -> tx.tokens().create("mia", "t", at(0)));
    List<java.util.function.Consumer<Tx>> writes =
        List.of(
            tx -> tx.tokens().create("mia", "doomed", at(1)),
            tx -> tx.tokens().revoke(token.id(), at(1)),
            tx -> tx.changes().insert(change("doomed", at(1))),
            tx -> tx.changes().updateDecision(changeId, "applied", "sha256:x", "{}", at(1)),
            tx -> tx.reviews().insert(approval(changeId, "zoe", at(1))),
            tx -> tx.toolCalls().insert(toolCall(changeId, "sha256:in", at(1))),
            tx -> tx.audit().append("change.proposed", "mia", changeId, "{}", at(1)));

    for (java.util.function.Consumer<Tx> write : writes) {
      assertThatThrownBy(
              () ->
                  store.inTransaction(
                      tx -> {
                        write.accept(tx);
                        throw new IllegalStateException("failed after the write");
                      }))
          .hasMessage("failed after the write");
    }

    assertThat(store.transaction((Tx tx) -> tx.tokens().listForPrincipal("mia"))).hasSize(1);
    assertThat(store.transaction((Tx tx) -> tx.tokens().identify(token.plaintext()))).isPresent();
    assertThat(store.transaction((Tx tx) -> tx.changes().listByState("pending", 10)))
        .extracting(ChangeRecord::id)
        .containsExactly(changeId);
    assertThat(store.transaction((Tx tx) -> tx.reviews().listForChange(changeId))).isEmpty();
    assertThat(store.transaction((Tx tx) -> tx.toolCalls().get(changeId))).isEmpty();
    assertThat(store.transaction((Tx tx) -> tx.audit().lastSeq())).isZero();
  }

  @Test
  void failingReadOnlyWork_leavesPooledConnectionsClean() throws Exception {
    Store store = open(newDatabase());
    store.transaction((Tx tx) -> tx.audit().append("first", "mia", "s", "{}", at(0)));

    for (int i = 0; i < 40; i++) { // more than a pool's connections: each is reused
      assertThatThrownBy(
              () ->
                  store.transaction(
                      (Tx tx) -> {
                        tx.audit().lastSeq();
                        throw new IllegalStateException("read failed");
                      }))
          .hasMessage("read failed");
    }
    assertThat(store.transaction((Tx tx) -> tx.audit().append("second", "mia", "s", "{}", at(1))))
        .isEqualTo(2);
    assertThat(store.transaction((Tx tx) -> tx.audit().range(1, 10)))
        .extracting(AuditRecord::type)
        .containsExactly("first", "second");
  }

  @Test
  void change_roundTripsUnicodeAndTenMegabytesOfContent() throws Exception {
    Store store = open(newDatabase());
    String unicode = "Zürich → 東京 🚀 e\u0301 \"quoted\" 'single' \\ \t\n";
    StringBuilder big = new StringBuilder(10 * 1024 * 1024 + 64);
    while (big.length() < 10 * 1024 * 1024) {
      big.append(unicode).append(big.length()).append('\n');
    }
    ChangeRecord draft =
        new ChangeRecord(
            "",
            "kubernetes",
            "prod-eü",
            List.of("svc-ü", "🚀"),
            "mia",
            "",
            false,
            unicode,
            big.toString(),
            "sha256:00",
            "{\"note\":\"" + unicode + "\"}",
            "{}",
            "pending",
            at(0),
            at(1));

    ChangeRecord stored = store.transaction((Tx tx) -> tx.changes().insert(draft));
    ChangeRecord read = store.transaction((Tx tx) -> tx.changes().get(stored.id())).orElseThrow();

    assertThat(read).isEqualTo(stored);
    assertThat(read.content()).isEqualTo(big.toString());
    assertThat(read.id()).startsWith("ch_");
  }

  @Test
  void textWithANulCharacter_isInvalidOnEveryDatabase() throws Exception {
    Store store = open(newDatabase());
    ChangeRecord withNul =
        new ChangeRecord(
            "",
            "shell",
            "dev",
            List.of(),
            "mia",
            "",
            false,
            "t",
            "rm -rf /\0",
            "",
            "",
            "",
            "pending",
            at(0),
            at(0));

    assertThatThrownBy(() -> store.transaction(tx -> tx.changes().insert(withNul)))
        .isInstanceOfSatisfying(
            StoreException.class, e -> assertThat(e.reason()).isEqualTo(Reason.INVALID));
  }

  @Test
  void timestamps_roundTripToTheMicrosecond() throws Exception {
    Store store = open(newDatabase());
    Instant nanos = Instant.parse("2026-03-01T09:00:00.123456789Z");

    ChangeRecord stored = store.transaction((Tx tx) -> tx.changes().insert(change("t", nanos)));

    assertThat(
            store.transaction((Tx tx) -> tx.changes().get(stored.id())).orElseThrow().createdAt())
        .isEqualTo(Instant.parse("2026-03-01T09:00:00.123456Z"));
  }

  @Test
  void insertingATakenChangeId_isDuplicate() throws Exception {
    Store store = open(newDatabase());
    ChangeRecord stored = store.transaction((Tx tx) -> tx.changes().insert(change("a", at(0))));

    assertThatThrownBy(() -> store.transaction((Tx tx) -> tx.changes().insert(stored)))
        .isInstanceOfSatisfying(
            StoreException.class, e -> assertThat(e.reason()).isEqualTo(Reason.DUPLICATE))
        .message()
        .doesNotContainIgnoringCase("insert into");
  }

  @Test
  void updateDecision_replacesStateDigestAndDecision() throws Exception {
    Store store = open(newDatabase());
    ChangeRecord stored = store.transaction((Tx tx) -> tx.changes().insert(change("a", at(0))));

    store.inTransaction(
        tx ->
            tx.changes()
                .updateDecision(
                    stored.id(), "approved", "sha256:ff", "{\"decision\":\"allow\"}", at(9)));

    ChangeRecord read = store.transaction((Tx tx) -> tx.changes().get(stored.id())).orElseThrow();
    assertThat(read.state()).isEqualTo("approved");
    assertThat(read.digest()).isEqualTo("sha256:ff");
    assertThat(read.decisionJson()).isEqualTo("{\"decision\":\"allow\"}");
    assertThat(read.updatedAt()).isEqualTo(at(9));
    assertThat(read.content()).isEqualTo(stored.content());
  }

  @Test
  void update_replacesContentAndServices() throws Exception {
    Store store = open(newDatabase());
    ChangeRecord stored = store.transaction((Tx tx) -> tx.changes().insert(change("a", at(0))));
    ChangeRecord replanned =
        new ChangeRecord(
            stored.id(),
            "sql",
            "staging",
            List.of("orders"),
            "ben",
            "",
            false,
            "b",
            "DROP TABLE x;",
            "sha256:01",
            "{}",
            "{}",
            "pending",
            at(0),
            at(3));

    store.inTransaction(tx -> tx.changes().update(replanned));

    assertThat(store.transaction((Tx tx) -> tx.changes().get(stored.id()))).contains(replanned);
  }

  @Test
  void updatingAnUnknownChange_isNotFound() throws Exception {
    Store store = open(newDatabase());

    assertThatThrownBy(
            () ->
                store.inTransaction(
                    tx -> tx.changes().updateDecision("ch_missing", "approved", "d", "{}", at(0))))
        .isInstanceOfSatisfying(
            StoreException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NOT_FOUND));
    assertThatThrownBy(
            () ->
                store.inTransaction(
                    tx -> tx.changes().update(change("x", at(0)).withId("ch_missing"))))
        .isInstanceOfSatisfying(
            StoreException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NOT_FOUND));
  }

  @Test
  void listByState_returnsOldestFirstUpToTheLimit() throws Exception {
    Store store = open(newDatabase());
    List<String> pending = new ArrayList<>();
    store.inTransaction(
        tx -> {
          for (int i = 5; i >= 1; i--) {
            ChangeRecord c = tx.changes().insert(change("c" + i, at(i)));
            pending.add(0, c.id());
          }
          tx.changes().insert(change("done", at(0)).withId("ch_done"));
          tx.changes().updateDecision("ch_done", "applied", "d", "{}", at(9));
        });

    List<ChangeRecord> firstThree =
        store.transaction((Tx tx) -> tx.changes().listByState("pending", 3));

    assertThat(firstThree)
        .extracting(ChangeRecord::id)
        .containsExactlyElementsOf(pending.subList(0, 3));
    assertThat(firstThree.get(0).services()).containsExactly("payments-api", "payments-db");
    assertThat(store.transaction((Tx tx) -> tx.changes().listByState("applied", 10)))
        .extracting(ChangeRecord::id)
        .containsExactly("ch_done");
  }

  @Test
  void reviews_areListedInTheOrderTheyWereStored() throws Exception {
    Store store = open(newDatabase());
    String changeId = store.transaction((Tx tx) -> tx.changes().insert(change("a", at(0)))).id();
    List<String> reviewers = List.of("zoe", "ada", "mia", "ben");

    for (String reviewer : reviewers) {
      store.inTransaction(tx -> tx.reviews().insert(approval(changeId, reviewer, at(1))));
    }
    store.inTransaction(
        tx ->
            tx.reviews()
                .insert(
                    new ReviewRecord(
                        "", changeId, "sam", Verdict.REJECT, "sha256:aa", "no", at(0))));

    List<ReviewRecord> reviews = store.transaction((Tx tx) -> tx.reviews().listForChange(changeId));
    assertThat(reviews)
        .extracting(ReviewRecord::reviewer)
        .containsExactly("zoe", "ada", "mia", "ben", "sam");
    assertThat(reviews.get(4).verdict()).isEqualTo(Verdict.REJECT);
    assertThat(reviews).extracting(ReviewRecord::id).allMatch(id -> id.startsWith("rv_"));
  }

  @Test
  void reviewOfAnUnknownChange_isInvalid() throws Exception {
    Store store = open(newDatabase());

    assertThatThrownBy(
            () ->
                store.transaction(tx -> tx.reviews().insert(approval("ch_missing", "zoe", at(0)))))
        .isInstanceOfSatisfying(
            StoreException.class, e -> assertThat(e.reason()).isEqualTo(Reason.INVALID));
  }

  @Test
  void principals_areUpsertedListedAndDeleted() throws Exception {
    Store store = open(newDatabase());
    PrincipalRecord mia = new PrincipalRecord("mia", "human", "{\"level\":\"mid\"}", at(0));
    PrincipalRecord agent = new PrincipalRecord("kiro-7", "agent", "{\"sponsor\":\"mia\"}", at(0));
    PrincipalRecord promoted = new PrincipalRecord("mia", "human", "{\"level\":\"senior\"}", at(7));

    store.inTransaction(
        tx -> {
          tx.principals().upsert(mia);
          tx.principals().upsert(agent);
        });
    store.inTransaction(tx -> tx.principals().upsert(promoted));

    assertThat(store.transaction((Tx tx) -> tx.principals().get("mia"))).contains(promoted);
    assertThat(store.transaction((Tx tx) -> tx.principals().list()))
        .containsExactly(agent, promoted);
    assertThat(store.transaction((Tx tx) -> tx.principals().delete("kiro-7"))).isTrue();
    assertThat(store.transaction((Tx tx) -> tx.principals().get("kiro-7")))
        .isEqualTo(Optional.empty());
  }

  @Test
  void auditRange_readsFromASequenceNumberUpToALimit() throws Exception {
    Store store = open(newDatabase());
    store.inTransaction(
        tx -> {
          for (int i = 1; i <= 5; i++) {
            tx.audit().append("e" + i, "mia", "s", "{\"i\":" + i + "}", at(i));
          }
        });

    List<AuditRecord> middle = store.transaction((Tx tx) -> tx.audit().range(2, 3));

    assertThat(middle).extracting(AuditRecord::seq).containsExactly(2L, 3L, 4L);
    assertThat(middle.get(0)).isEqualTo(new AuditRecord(2, "e2", "mia", "s", "{\"i\":2}", at(2)));
    assertThat(store.transaction((Tx tx) -> tx.audit().lastSeq())).isEqualTo(5);
  }

  @Test
  void appendAll_givesConsecutiveNumbersInOrder_andReturnsTheLast() throws Exception {
    Store store = open(newDatabase());
    store.inTransaction(tx -> tx.audit().append("first", "mia", "s", "{}", at(0)));
    List<AuditLog.Entry> group = new ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      group.add(new AuditLog.Entry("g" + i, "kiro-7", "s" + i, "{\"i\":" + i + "}", at(i)));
    }

    long last = store.transaction((Tx tx) -> tx.audit().appendAll(group));

    assertThat(last).isEqualTo(6);
    List<AuditRecord> log = store.transaction((Tx tx) -> tx.audit().range(1, 100));
    assertThat(log).extracting(AuditRecord::seq).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
    assertThat(log.subList(1, 6)).extracting(AuditRecord::type).containsExactly("g1", "g2", "g3", "g4", "g5");
    assertThat(log.get(3)).isEqualTo(new AuditRecord(4, "g3", "kiro-7", "s3", "{\"i\":3}", at(3)));
    assertThat(store.transaction((Tx tx) -> tx.audit().append("after", "mia", "s", "{}", at(9)))).isEqualTo(7);
  }

  @Test
  void appendAll_thatFailsPartWay_leavesNoEntryAndNoGap() throws Exception {
    Store store = open(newDatabase());
    List<AuditLog.Entry> group =
        List.of(
            new AuditLog.Entry("ok", "mia", "s", "{}", at(1)),
            new AuditLog.Entry("bad", "mia", "s", "nul\0byte", at(2)));

    assertThatThrownBy(() -> store.inTransaction(tx -> tx.audit().appendAll(group)))
        .isInstanceOf(StoreException.class);

    assertThat(store.transaction((Tx tx) -> tx.audit().lastSeq())).isZero();
    assertThat(store.transaction((Tx tx) -> tx.audit().append("next", "mia", "s", "{}", at(3)))).isEqualTo(1);
  }

  @Test
  void auditPayload_upToTheLimitIsKept_andLongerIsRefusedBeforeTheDatabase() throws Exception {
    Store store = open(newDatabase());
    String longest = "x".repeat(AuditLog.MAX_PAYLOAD_CHARS);

    store.inTransaction(tx -> tx.audit().append("big", "mia", "s", longest, at(1)));

    assertThat(store.transaction((Tx tx) -> tx.audit().range(1, 1)).get(0).payloadJson()).isEqualTo(longest);
    assertThatThrownBy(() -> new AuditLog.Entry("big", "mia", "s", longest + "x", at(2)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at most 1000000 characters");
    assertThatThrownBy(() -> store.transaction((Tx tx) -> tx.audit().appendAll(List.of())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("nothing to append");
  }

  @Test
  void concurrentAppends_getGaplessSequenceNumbersInCommitOrder() throws Exception {
    Store store = open(newDatabase());
    int threads = 8;
    int perThread = 40;

    List<List<Long>> committed =
        Concurrently.run(
            threads,
            worker -> {
              List<Long> mine = new ArrayList<>();
              for (int i = 0; i < perThread; i++) {
                int n = i;
                try {
                  mine.add(
                      store.transaction(
                          (Tx tx) -> {
                            long seq =
                                tx.audit().append("t", "w" + worker, "s", worker + ":" + n, at(n));
                            if (n % 7 == 3) {
                              throw new IllegalStateException("rolled back on purpose");
                            }
                            return seq;
                          }));
                } catch (IllegalStateException expected) {
                  // the entry must vanish and leave no gap
                }
              }
              return mine;
            });

    List<AuditRecord> log = store.transaction((Tx tx) -> tx.audit().range(1, 10_000));
    long total = committed.stream().mapToLong(List::size).sum();
    assertThat(total).isEqualTo(threads * (perThread - 6L));
    assertThat(log)
        .extracting(AuditRecord::seq)
        .containsExactlyElementsOf(
            java.util.stream.LongStream.rangeClosed(1, total).boxed().toList());
    assertThat(store.transaction((Tx tx) -> tx.audit().lastSeq())).isEqualTo(total);
    for (int w = 0; w < threads; w++) {
      String prefix = w + ":";
      List<Integer> ownInSeqOrder =
          log.stream()
              .map(AuditRecord::payloadJson)
              .filter(p -> p.startsWith(prefix))
              .map(p -> Integer.parseInt(p.substring(prefix.length())))
              .toList();
      assertThat(ownInSeqOrder)
          .as("worker %s", w)
          .isSorted()
          .hasSize(perThread - 6)
          .noneMatch(n -> n % 7 == 3);
      assertThat(committed.get(w)).as("worker %s", w).isSorted();
    }
  }

  @Test
  void lockedChange_serialisesConcurrentReviewers() throws Exception {
    Store store = open(newDatabase());
    String id = store.transaction((Tx tx) -> tx.changes().insert(change("a", at(0)))).id();
    store.inTransaction(tx -> tx.changes().updateDecision(id, "pending", "d", "0", at(0)));
    java.util.concurrent.CountDownLatch firstHoldsLock = new java.util.concurrent.CountDownLatch(1);

    List<String> seen =
        Concurrently.run(
            2,
            worker -> {
              if (worker == 1) {
                firstHoldsLock.await();
              }
              return store.transaction(
                  (Tx tx) -> {
                    ChangeRecord locked = tx.changes().getForUpdate(id).orElseThrow();
                    if (worker == 0) {
                      firstHoldsLock.countDown();
                      Concurrently.sleep(300);
                    }
                    int approvals = Integer.parseInt(locked.decisionJson()) + 1;
                    tx.reviews().insert(approval(id, "reviewer" + worker, at(1)));
                    tx.changes()
                        .updateDecision(id, "pending", "d", String.valueOf(approvals), at(1));
                    return locked.decisionJson();
                  });
            });

    assertThat(seen).containsExactly("0", "1");
    assertThat(store.transaction((Tx tx) -> tx.changes().get(id)).orElseThrow().decisionJson())
        .isEqualTo("2");
    assertThat(store.transaction((Tx tx) -> tx.reviews().listForChange(id)))
        .extracting(ReviewRecord::reviewer)
        .containsExactly("reviewer0", "reviewer1");
  }

  @Test
  void lockedReadModifyWrite_losesNoUpdateUnderContention() throws Exception {
    Store store = open(newDatabase());
    String id = store.transaction((Tx tx) -> tx.changes().insert(change("a", at(0)))).id();
    store.inTransaction(tx -> tx.changes().updateDecision(id, "pending", "d", "0", at(0)));
    int threads = 8;
    int perThread = 25;

    Concurrently.run(
        threads,
        worker -> {
          for (int i = 0; i < perThread; i++) {
            store.inTransaction(
                tx -> {
                  ChangeRecord locked = tx.changes().getForUpdate(id).orElseThrow();
                  String next = String.valueOf(Integer.parseInt(locked.decisionJson()) + 1);
                  tx.changes().updateDecision(id, "pending", "d", next, at(1));
                });
          }
          return worker;
        });

    assertThat(store.transaction((Tx tx) -> tx.changes().get(id)).orElseThrow().decisionJson())
        .isEqualTo(String.valueOf(threads * perThread));
  }

  @Test
  void readers_doNotWaitForAnOpenWriter() throws Exception {
    Store store = open(newDatabase());
    IssuedToken token = store.transaction((Tx tx) -> tx.tokens().create("mia", "t", at(0)));
    java.util.concurrent.CountDownLatch writing = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
    Thread writer =
        Thread.ofPlatform()
            .start(
                () ->
                    store.inTransaction(
                        tx -> {
                          tx.audit().append("held", "mia", "s", "{}", at(1));
                          writing.countDown();
                          Concurrently.await(release);
                        }));
    writing.await();

    long started = System.nanoTime();
    Optional<String> principal =
        store.transaction((Tx tx) -> tx.tokens().authenticate(token.plaintext()));
    long lastSeq = store.transaction((Tx tx) -> tx.audit().lastSeq());
    long millis = (System.nanoTime() - started) / 1_000_000;
    release.countDown();
    writer.join();

    assertThat(principal).contains("mia");
    assertThat(lastSeq).as("uncommitted entry is invisible").isZero();
    assertThat(millis).isLessThan(2_000);
  }

  @Test
  void getForUpdate_ofAnUnknownChange_isEmpty() throws Exception {
    Store store = open(newDatabase());

    assertThat(store.transaction((Tx tx) -> tx.changes().getForUpdate("ch_missing"))).isEmpty();
  }

  @Test
  void scopedToken_authenticatesWithItsScope_andUnscopedTokenWithout() throws Exception {
    Store store = open(newDatabase());
    TokenScope scope = new TokenScope("production", List.of("payments-api", "ledger"));
    IssuedToken scoped =
        store.transaction((Tx tx) -> tx.tokens().create("kiro-7", "hook", scope, at(0)));
    IssuedToken plain = store.transaction((Tx tx) -> tx.tokens().create("kiro-7", "api", at(0)));

    AuthenticatedToken a =
        store.transaction((Tx tx) -> tx.tokens().identify(scoped.plaintext())).orElseThrow();
    AuthenticatedToken b =
        store.transaction((Tx tx) -> tx.tokens().identify(plain.plaintext())).orElseThrow();

    assertThat(a).isEqualTo(new AuthenticatedToken(scoped.id(), "kiro-7", Optional.of(scope)));
    assertThat(b).isEqualTo(new AuthenticatedToken(plain.id(), "kiro-7", Optional.empty()));
    assertThat(store.transaction((Tx tx) -> tx.tokens().authenticate(scoped.plaintext())))
        .contains("kiro-7");
  }

  @Test
  void revokedScopedToken_doesNotIdentify() throws Exception {
    Store store = open(newDatabase());
    IssuedToken t =
        store.transaction(
            (Tx tx) ->
                tx.tokens().create("kiro-7", "hook", new TokenScope("staging", List.of()), at(0)));
    store.inTransaction(tx -> tx.tokens().revoke(t.id(), at(1)));

    assertThat(store.transaction((Tx tx) -> tx.tokens().identify(t.plaintext()))).isEmpty();
  }

  private static ToolCallRecord toolCall(String changeId, String inputDigest, Instant at) {
    return new ToolCallRecord(
        changeId, "kiro-7", inputDigest, "claude-code", "s-1", "Bash", "default", at,
        Optional.empty());
  }

  @Test
  void toolCalls_areListedNewestFirst_untilConsumed() throws Exception {
    Store store = open(newDatabase());
    String older = store.transaction((Tx tx) -> tx.changes().insert(change("a", at(0)))).id();
    String newer = store.transaction((Tx tx) -> tx.changes().insert(change("b", at(1)))).id();
    String other = store.transaction((Tx tx) -> tx.changes().insert(change("c", at(2)))).id();
    store.inTransaction(
        tx -> {
          tx.toolCalls().insert(toolCall(older, "sha256:in", at(0)));
          tx.toolCalls().insert(toolCall(newer, "sha256:in", at(1)));
          tx.toolCalls().insert(toolCall(other, "sha256:other", at(2)));
        });

    assertThat(store.transaction((Tx tx) -> tx.toolCalls().unconsumed("kiro-7", "sha256:in", 10)))
        .extracting(ToolCallRecord::changeId)
        .containsExactly(newer, older);
    assertThat(store.transaction((Tx tx) -> tx.toolCalls().consume(newer, at(5)))).isTrue();
    assertThat(store.transaction((Tx tx) -> tx.toolCalls().consume(newer, at(6)))).isFalse();
    assertThat(store.transaction((Tx tx) -> tx.toolCalls().unconsumed("kiro-7", "sha256:in", 10)))
        .extracting(ToolCallRecord::changeId)
        .containsExactly(older);
    assertThat(store.transaction((Tx tx) -> tx.toolCalls().get(newer)).orElseThrow().consumedAt())
        .contains(at(5));
    assertThat(store.transaction((Tx tx) -> tx.toolCalls().unconsumed("rex-2", "sha256:in", 10)))
        .isEmpty();
  }

  @Test
  void toolCallForAnUnknownChange_isInvalid() throws Exception {
    Store store = open(newDatabase());

    assertThatThrownBy(
            () -> store.inTransaction(tx -> tx.toolCalls().insert(toolCall("ch_missing", "d", at(0)))))
        .isInstanceOf(StoreException.class)
        .extracting(e -> ((StoreException) e).reason())
        .isEqualTo(Reason.INVALID);
  }

  @Test
  void approvedToolCall_isConsumedByOnlyOneOfTwoConcurrentRetries() throws Exception {
    Store store = open(newDatabase());
    String id = store.transaction((Tx tx) -> tx.changes().insert(change("a", at(0)))).id();
    store.inTransaction(tx -> tx.toolCalls().insert(toolCall(id, "sha256:in", at(0))));

    List<Boolean> passed =
        Concurrently.run(
            4,
            worker ->
                store.transaction(
                    (Tx tx) -> {
                      tx.changes().getForUpdate(id).orElseThrow();
                      boolean open = tx.toolCalls().get(id).orElseThrow().consumedAt().isEmpty();
                      Concurrently.sleep(50);
                      return open && tx.toolCalls().consume(id, at(1 + worker));
                    }));

    assertThat(passed).containsOnlyOnce(true);
  }

  private static AgentGrantRecord grant(String id, String agent, String kind, String state, int createdAt) {
    return new AgentGrantRecord(
        id, agent, kind, List.of("staging", "production"), List.of("*"), List.of("read", "update"),
        kind.equals(AgentGrantRecord.GRANT) ? Optional.of(at(1000)) : Optional.empty(),
        kind.equals(AgentGrantRecord.ELEVATION) ? Optional.of(java.time.Duration.ofHours(2)) : Optional.empty(),
        "on-call", state, "mia", at(createdAt), Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty());
  }

  @Test
  void managedAgent_andItsGrants_roundTrip() throws Exception {
    Store store = open(newDatabase());
    ManagedAgentRecord agent = new ManagedAgentRecord("kiro-9", "mia", "example/agent-1", "sam", at(0));
    AgentGrantRecord g = grant("gr_1", "kiro-9", AgentGrantRecord.GRANT, AgentGrantRecord.ACTIVE, 1);
    AgentGrantRecord e = grant("gr_2", "kiro-9", AgentGrantRecord.ELEVATION, AgentGrantRecord.PENDING, 2);
    store.inTransaction(
        tx -> {
          tx.managedAgents().insert(agent);
          tx.managedAgents().insertGrant(g);
          tx.managedAgents().insertGrant(e);
        });

    assertThat(store.transaction((Tx tx) -> tx.managedAgents().get("kiro-9"))).contains(agent);
    assertThat(store.transaction((Tx tx) -> tx.managedAgents().list())).containsExactly(agent);
    assertThat(store.transaction((Tx tx) -> tx.managedAgents().grants("kiro-9"))).containsExactly(g, e);
    assertThat(store.transaction((Tx tx) -> tx.managedAgents().grants())).containsExactly(g, e);
    assertThat(store.transaction((Tx tx) -> tx.managedAgents().grant("gr_2"))).contains(e);
    assertThat(store.transaction((Tx tx) -> tx.managedAgents().newGrantId())).startsWith("gr_");
  }

  @Test
  void managedAgentWithATakenId_isADuplicate() throws Exception {
    Store store = open(newDatabase());
    ManagedAgentRecord agent = new ManagedAgentRecord("kiro-9", "mia", "m", "mia", at(0));
    store.inTransaction(tx -> tx.managedAgents().insert(agent));

    assertThatThrownBy(() -> store.inTransaction(tx -> tx.managedAgents().insert(agent)))
        .isInstanceOf(StoreException.class)
        .extracting(x -> ((StoreException) x).reason())
        .isEqualTo(Reason.DUPLICATE);
  }

  @Test
  void grantOfAnUnknownAgent_isInvalid() throws Exception {
    Store store = open(newDatabase());

    assertThatThrownBy(
            () ->
                store.inTransaction(
                    tx ->
                        tx.managedAgents()
                            .insertGrant(grant("gr_1", "ghost", AgentGrantRecord.GRANT, AgentGrantRecord.ACTIVE, 0))))
        .isInstanceOf(StoreException.class)
        .extracting(x -> ((StoreException) x).reason())
        .isEqualTo(Reason.INVALID);
  }

  @Test
  void pendingElevation_isApprovedOnce_thenRevokedOnce() throws Exception {
    Store store = open(newDatabase());
    store.inTransaction(
        tx -> {
          tx.managedAgents().insert(new ManagedAgentRecord("kiro-9", "mia", "m", "mia", at(0)));
          tx.managedAgents()
              .insertGrant(grant("gr_2", "kiro-9", AgentGrantRecord.ELEVATION, AgentGrantRecord.PENDING, 1));
        });

    boolean first = store.transaction((Tx tx) -> tx.managedAgents().approve("gr_2", "sam", at(5), at(7205)));
    boolean second = store.transaction((Tx tx) -> tx.managedAgents().approve("gr_2", "ravi", at(6), at(7206)));
    AgentGrantRecord approved = store.transaction((Tx tx) -> tx.managedAgents().grantForUpdate("gr_2")).orElseThrow();
    boolean revoked = store.transaction((Tx tx) -> tx.managedAgents().revoke("gr_2", "mia", at(10)));
    boolean again = store.transaction((Tx tx) -> tx.managedAgents().revoke("gr_2", "mia", at(11)));
    AgentGrantRecord after = store.transaction((Tx tx) -> tx.managedAgents().grant("gr_2")).orElseThrow();

    assertThat(first).isTrue();
    assertThat(second).isFalse();
    assertThat(approved.state()).isEqualTo(AgentGrantRecord.ACTIVE);
    assertThat(approved.approvedBy()).contains("sam");
    assertThat(approved.approvedAt()).contains(at(5));
    assertThat(approved.expires()).contains(at(7205));
    assertThat(approved.duration()).contains(java.time.Duration.ofHours(2));
    assertThat(revoked).isTrue();
    assertThat(again).isFalse();
    assertThat(after.state()).isEqualTo(AgentGrantRecord.REVOKED);
    assertThat(after.revokedBy()).contains("mia");
    assertThat(after.revokedAt()).contains(at(10));
  }

  @Test
  void transactionUsedAfterItsWork_isRefused() throws Exception {
    Store store = open(newDatabase());
    Tx leaked = store.transaction((Tx tx) -> tx);

    assertThatThrownBy(() -> leaked.audit().lastSeq())
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("ended");
  }

  private static String sha256Hex(String text) {
    try {
      return java.util.HexFormat.of()
          .formatHex(
              java.security.MessageDigest.getInstance("SHA-256")
                  .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
