package dev.countersign.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The audit spool on embedded H2. A crash is simulated by handing a spool file to a second
 * database that has moved nothing yet: to it, every record in the file is unmoved, exactly as for
 * a server killed before its mover ran. The kill -9 of a real process is in {@link H2ProcessTest}.
 */
class AuditSpoolTest {
  @TempDir Path dir;
  private final List<AutoCloseable> open = new ArrayList<>();

  @AfterEach
  void closeAll() throws Exception {
    for (int i = open.size() - 1; i >= 0; i--) {
      open.get(i).close();
    }
  }

  @Test
  void writtenEntries_reachTheAuditLogInOrder_withEveryField() {
    Store store = store("a");
    AuditSpool spool = spool(dir.resolve("spool"), store);
    List<AuditLog.Entry> entries = entries(new Random(1), 50);

    spool.write(entries.subList(0, 20));
    spool.write(entries.subList(20, 50));
    spool.flush();

    assertThat(log(store)).containsExactlyElementsOf(entries);
  }

  @Test
  void writtenEntries_areMovedWithoutAFlush_withinAFewMoveIntervals() throws Exception {
    Store store = store("a");
    AuditSpool spool = spool(dir.resolve("spool"), store);

    spool.write(entries(new Random(2), 3));

    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (store.transaction((Tx tx) -> tx.audit().lastSeq()) < 3 && System.nanoTime() < deadline) {
      Thread.sleep(AuditSpool.MOVE_EVERY.toMillis());
    }
    assertThat(store.transaction((Tx tx) -> tx.audit().lastSeq())).isEqualTo(3);
  }

  @Test
  void closing_movesWhatIsLeft_andLaterWritesFail() {
    Store store = store("a");
    AuditSpool spool = AuditSpool.open(dir.resolve("spool"), store);
    spool.write(entries(new Random(3), 7));

    spool.close();

    assertThat(store.transaction((Tx tx) -> tx.audit().lastSeq())).isEqualTo(7);
    assertThatThrownBy(() -> spool.write(entries(new Random(4), 1)))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("closed");
  }

  @Test
  void entriesNotMovedBeforeACrash_areMovedAtTheNextOpen_exactlyOnce() throws Exception {
    Path file = dir.resolve("spool");
    List<AuditLog.Entry> entries = entries(new Random(5), 40);
    writeAndClose(file, store("first"), entries);

    Store second = store("second"); // has moved nothing: every record in the file is unmoved to it
    AuditSpool reopened = AuditSpool.open(file, second);
    assertThat(log(second)).containsExactlyElementsOf(entries);
    reopened.close();

    spool(file, second).flush();
    assertThat(log(second)).as("nothing moved twice").containsExactlyElementsOf(entries);
  }

  @Test
  void aRecordTornByACrash_isCutOff_andWritingGoesOnAfterTheLastWholeRecord() throws Exception {
    Path file = dir.resolve("spool");
    List<AuditLog.Entry> entries = entries(new Random(6), 10);
    writeAndClose(file, store("first"), entries);
    byte[] whole = Files.readAllBytes(file);
    // A crash in the middle of writing the next record: its length and part of its body.
    Files.write(file, new byte[] {0, 0, 1, 0, 1, 2, 3, 4, 5, 6, 7}, StandardOpenOption.APPEND);

    Store second = store("second");
    AuditSpool spool = spool(file, second);
    assertThat(Files.size(file)).as("cut back to the last whole record").isEqualTo(whole.length);
    List<AuditLog.Entry> more = entries(new Random(7), 3);
    spool.write(more);
    spool.flush();

    List<AuditLog.Entry> all = new ArrayList<>(entries);
    all.addAll(more);
    assertThat(log(second)).containsExactlyElementsOf(all);
  }

  @Test
  void aRecordWithABadChecksum_endsWhatIsRead() throws Exception {
    Path file = dir.resolve("spool");
    List<AuditLog.Entry> entries = entries(new Random(8), 5);
    writeAndClose(file, store("first"), entries);
    byte[] bytes = Files.readAllBytes(file);
    bytes[bytes.length - 3] ^= 0x5A; // the last record's body, so its CRC-32C no longer matches
    Files.write(file, bytes);

    Store second = store("second");
    spool(file, second);

    assertThat(log(second)).containsExactlyElementsOf(entries.subList(0, 4));
  }

  @Test
  void aFullyMovedLargeSpool_startsANewGeneration_andMovesNothingTwice() throws Exception {
    Path file = dir.resolve("spool");
    Store store = store("a");
    AuditSpool spool = AuditSpool.open(file, store, 4_096);
    List<AuditLog.Entry> entries = entries(new Random(9), 60);
    for (AuditLog.Entry e : entries) {
      spool.write(List.of(e));
    }
    spool.flush();
    spool.flush(); // with nothing left to move, the move rotates

    assertThat(Files.size(file)).isLessThan(4_096);
    assertThat(store.transaction((Tx tx) -> tx.audit().spoolMark()).generation()).isEqualTo(2);
    spool.write(entries.subList(0, 1));
    spool.close();

    AuditSpool reopened = spool(file, store);
    reopened.flush();
    List<AuditLog.Entry> expected = new ArrayList<>(entries);
    expected.add(entries.get(0));
    assertThat(log(store)).containsExactlyElementsOf(expected);
  }

  @Test
  void aSpoolOfAnotherDatabase_isRefused_withWhatToDo() throws Exception {
    Path file = dir.resolve("spool");
    Store first = store("first");
    AuditSpool a = AuditSpool.open(file, first, 1_024);
    for (AuditLog.Entry e : entries(new Random(10), 30)) {
      a.write(List.of(e));
    }
    a.flush();
    a.flush(); // rotated: the file is generation 2, which a new database (generation 0) cannot own
    a.close();

    Store second = store("second");
    assertThatThrownBy(() -> AuditSpool.open(file, second))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("does not belong to this database")
        .hasMessageContaining("move the file aside");
    assertThat(second.transaction((Tx tx) -> tx.audit().lastSeq())).isZero();
  }

  @Test
  void anInterruptedWriter_writes_keepsItsInterrupt_andTheSpoolGoesOn() {
    Store store = store("a");
    AuditSpool spool = spool(dir.resolve("spool"), store);

    Thread.currentThread().interrupt(); // a file write would otherwise close the channel for everyone
    try {
      spool.write(entries(new Random(11), 2));
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
      spool.flush();
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
    } finally {
      Thread.interrupted();
    }
    spool.write(entries(new Random(12), 1));
    spool.flush();

    assertThat(store.transaction((Tx tx) -> tx.audit().lastSeq())).isEqualTo(3);
  }

  @Test
  void aMoveWhoseCommitTookEffect_butReportedAFailure_isNotRepeated() {
    Store real = store("a");
    AtomicBoolean failAfterCommit = new AtomicBoolean();
    Store flaky =
        (Store)
            Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {Store.class},
                (proxy, method, args) -> {
                  Object result;
                  try {
                    result = method.invoke(real, args);
                  } catch (InvocationTargetException e) {
                    throw e.getCause();
                  }
                  if (method.getName().equals("inTransaction") && failAfterCommit.getAndSet(false)) {
                    throw new StoreException(StoreException.Reason.UNAVAILABLE, "the commit's outcome is unknown");
                  }
                  return result;
                });
    AuditSpool spool = spool(dir.resolve("spool"), flaky);
    List<AuditLog.Entry> entries = entries(new Random(13), 5);

    failAfterCommit.set(true);
    spool.write(entries);
    try {
      spool.flush(); // this move (or the mover's) commits, then reports a failure
    } catch (StoreException expected) {
      assertThat(expected).hasMessageContaining("outcome is unknown");
    }
    spool.flush();

    assertThat(failAfterCommit).isFalse();
    assertThat(log(real)).containsExactlyElementsOf(entries);
  }

  @Test
  void aSpoolInUse_cannotBeOpenedAgain() {
    Store store = store("a");
    spool(dir.resolve("spool"), store);

    assertThatThrownBy(() -> AuditSpool.open(dir.resolve("spool"), store))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("in use by another Countersign server");
  }

  @Test
  void aFileThatIsNotASpool_isRefused() throws Exception {
    Path file = dir.resolve("spool");
    Files.writeString(file, "not a spool, but somebody's notes");

    assertThatThrownBy(() -> AuditSpool.open(file, store("a")))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("not a Countersign audit spool");
    assertThat(Files.readString(file)).isEqualTo("not a spool, but somebody's notes");
  }

  private void writeAndClose(Path file, Store store, List<AuditLog.Entry> entries) throws IOException {
    AuditSpool spool = AuditSpool.open(file, store);
    for (int i = 0; i < entries.size(); i += 7) {
      spool.write(entries.subList(i, Math.min(entries.size(), i + 7)));
    }
    spool.close();
    assertThat(log(store)).containsExactlyElementsOf(entries);
  }

  /** Random entries: unicode, quotes and newlines in every field, payloads up to 20,000 characters. */
  private static List<AuditLog.Entry> entries(Random random, int n) {
    List<AuditLog.Entry> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(
          new AuditLog.Entry(
              "hook.decided",
              text(random, 1 + random.nextInt(40)),
              "sha256:" + Integer.toHexString(random.nextInt()),
              "{\"reason\":\"" + text(random, random.nextInt(random.nextBoolean() ? 200 : 20_000)) + "\"}",
              Instant.ofEpochSecond(1_790_000_000L + random.nextInt(1_000_000), random.nextInt(1_000_000) * 1_000L)));
    }
    return out;
  }

  private static String text(Random random, int length) {
    String alphabet = "abcXYZ019 \"\\\n\té€😀漢";
    StringBuilder b = new StringBuilder();
    while (b.length() < length) {
      b.appendCodePoint(alphabet.codePointAt(alphabet.offsetByCodePoints(0, random.nextInt(alphabet.codePointCount(0, alphabet.length())))));
    }
    return b.toString();
  }

  private static List<AuditLog.Entry> log(Store store) {
    long last = store.transaction((Tx tx) -> tx.audit().lastSeq());
    return store.transaction((Tx tx) -> tx.audit().range(1, (int) last + 1)).stream()
        .map(r -> new AuditLog.Entry(r.type(), r.actor(), r.subject(), r.payloadJson(), r.at()))
        .toList();
  }

  private Store store(String name) {
    Store s = Fixtures.open(StoreConfig.h2File(dir.resolve(name)));
    open.add(s);
    return s;
  }

  private AuditSpool spool(Path file, Store store) {
    AuditSpool s = AuditSpool.open(file, store);
    open.add(s);
    return s;
  }
}
