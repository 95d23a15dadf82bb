package dev.countersign.store;

import static java.util.Objects.requireNonNull;

import dev.countersign.store.StoreException.Reason;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.zip.CRC32C;

/**
 * A local, append-only file that audit entries are written to before their callers go on, and
 * from which a background thread moves them into the store's audit log in large batches.
 *
 * <p>Why: on embedded H2 every commit writes a new chunk of B-tree pages, which costs about the
 * same CPU whether it carries one audit entry or a thousand; committing each small group of hook
 * decisions took about half of a decision's CPU. One file write per group, and one commit per few
 * milliseconds of decisions, take almost none (BENCHMARKS.md).
 *
 * <p>Durability: {@link #write} returns once the operating system has the bytes, which is exactly
 * what a commit with H2's {@code WRITE_DELAY=0} guarantees too. The entries survive the death of
 * this process ({@code kill -9}); like the database, they do not survive a power loss before the
 * operating system writes its cache.
 *
 * <p>Exactly once: a move appends the entries and records the spool's mark (generation, position)
 * in one transaction. Opening the spool moves every entry after the mark, so a crash at any point
 * loses nothing and moves nothing twice. A record torn by a crash mid-write is cut off: its caller
 * never got an answer.
 *
 * <p>Order: entries keep the order they were written in. Audit events committed straight to the
 * store (a stored change, a review) may take sequence numbers between them, at most one move
 * interval apart in time. Until an entry is moved, only {@link #flush()} makes it visible to
 * readers of the audit log.
 *
 * <p>The file: an 8-byte magic and the generation (a long); then records of a length, the CRC-32C
 * of the body, and the body (type, actor, subject, payload, time). When the file has grown past
 * {@link #ROTATE_AT_BYTES} and everything in it has been moved, it is replaced by an empty file of
 * the next generation.
 */
public final class AuditSpool implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(AuditSpool.class.getName());
  private static final byte[] MAGIC = "CSAUDSP1".getBytes(StandardCharsets.US_ASCII);
  private static final int HEADER_BYTES = MAGIC.length + Long.BYTES;
  /** The largest record body read back; a payload is at most 1,000,000 characters (4 MB UTF-8). */
  private static final int MAX_BODY_BYTES = 8 << 20;

  /** The spool's file name beside an embedded database ({@code DATA_DIR/audit-spool}). */
  public static final String FILE_NAME = "audit-spool";

  /** How often written entries are moved into the audit log. */
  public static final Duration MOVE_EVERY = Duration.ofMillis(10);

  /** The size past which a fully moved spool starts a new, empty generation. */
  static final long ROTATE_AT_BYTES = 64L << 20;

  /** At most this many entries go into one move transaction. */
  static final int MAX_MOVE = 4_096;

  private final Path file;
  private final Store store;
  private final long rotateAtBytes;
  /** Guards the file, {@link #written}, {@link #generation} and {@link #unmoved}. */
  private final ReentrantLock fileLock = new ReentrantLock();
  /** One move (or rotation) at a time. */
  private final ReentrantLock moveLock = new ReentrantLock();
  private final ArrayDeque<Written> unmoved = new ArrayDeque<>();
  private final Thread mover;
  private FileChannel channel;
  private FileLock processLock;
  private long generation;
  private long written;
  private boolean broken;
  private volatile boolean closing;

  /** An entry written to the spool, and the file position just after its record. */
  private record Written(AuditLog.Entry entry, long end) {}

  private AuditSpool(Path file, Store store, long rotateAtBytes) {
    this.file = file;
    this.store = store;
    this.rotateAtBytes = rotateAtBytes;
    this.mover = Thread.ofVirtual().name("countersign-audit-spool").unstarted(this::moveUntilClosed);
  }

  /**
   * Opens the spool {@code file} (created if missing), locks it against other processes, moves into
   * {@code store} every entry not moved yet, and starts moving new entries every {@link
   * #MOVE_EVERY}.
   *
   * @throws StoreException if the file cannot be used, another process holds it, or it belongs to
   *     another database
   */
  public static AuditSpool open(Path file, Store store) {
    return open(file, store, ROTATE_AT_BYTES);
  }

  static AuditSpool open(Path file, Store store, long rotateAtBytes) {
    requireNonNull(file, "file");
    requireNonNull(store, "store");
    AuditSpool spool = new AuditSpool(file.toAbsolutePath().normalize(), store, rotateAtBytes);
    try {
      spool.recover();
    } catch (IOException e) {
      spool.closeFile();
      throw new StoreException(Reason.UNAVAILABLE, "cannot open the audit spool " + file + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      spool.closeFile();
      throw e;
    }
    spool.mover.start();
    return spool;
  }

  /** The file this spool writes. */
  public Path file() {
    return file;
  }

  /**
   * Writes {@code entries} to the file in one write; on return they will reach the audit log even if
   * this process dies now.
   *
   * @throws StoreException if the file could not be written (the entries then never count)
   */
  public void write(List<AuditLog.Entry> entries) {
    requireNonNull(entries, "entries");
    if (entries.isEmpty()) {
      return;
    }
    List<byte[]> records = new ArrayList<>(entries.size());
    int total = 0;
    for (AuditLog.Entry e : entries) {
      byte[] r = record(e);
      records.add(r);
      total += r.length;
    }
    ByteBuffer buffer = ByteBuffer.allocate(total);
    records.forEach(buffer::put);
    buffer.flip();
    fileLock.lock();
    try {
      if (closing || broken) {
        throw new StoreException(Reason.UNAVAILABLE, "the audit spool " + file + " is " + (broken ? "unusable after a failed write" : "closed"));
      }
      long start = written;
      // An interrupted caller would close the channel mid-write (ClosedByInterruptException): the
      // interrupt is kept for after the write.
      boolean interrupted = Thread.interrupted();
      try {
        long at = start;
        while (buffer.hasRemaining()) {
          at += channel.write(buffer, at);
        }
      } catch (IOException e) {
        cutBackTo(start);
        throw new StoreException(Reason.UNAVAILABLE, "cannot write the audit spool " + file + ": " + e.getMessage(), e);
      } finally {
        if (interrupted) {
          Thread.currentThread().interrupt();
        }
      }
      long end = start;
      for (int i = 0; i < entries.size(); i++) {
        end += records.get(i).length;
        unmoved.add(new Written(entries.get(i), end));
      }
      written = end;
    } finally {
      fileLock.unlock();
    }
  }

  /** Moves every entry written so far into the audit log, now; readers of the log then see them. */
  public void flush() {
    boolean interrupted = Thread.interrupted(); // H2 closes its database on an interrupted write
    try {
      while (moveSome() > 0) {
        // until nothing written before this call is left
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Moves what is left and releases the file; later writes fail. */
  @Override
  public void close() {
    closing = true;
    // Not interrupted: an interrupt during a file write closes the channel, and H2 then closes the
    // whole database. The mover sees `closing` within one tick.
    try {
      mover.join(Duration.ofSeconds(30));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      flush();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "audit spool: entries left in " + file + " are moved at the next start", e);
    }
    closeFile();
  }

  /** Moves up to {@link #MAX_MOVE} written entries in one transaction; returns how many. */
  int moveSome() {
    moveLock.lock();
    try {
      List<Written> batch;
      long gen;
      fileLock.lock();
      try {
        if (unmoved.isEmpty()) {
          rotateIfDue();
          return 0;
        }
        batch = new ArrayList<>(Math.min(unmoved.size(), MAX_MOVE));
        for (Written w : unmoved) {
          if (batch.size() == MAX_MOVE) {
            break;
          }
          batch.add(w);
        }
        gen = generation;
      } finally {
        fileLock.unlock();
      }
      SpoolMark mark = new SpoolMark(gen, batch.get(batch.size() - 1).end());
      store.inTransaction(tx -> {
        // A commit that failed after taking effect leaves the batch here: the mark says what moved.
        SpoolMark moved = tx.audit().spoolMark();
        long from = moved.generation() == gen ? moved.position() : 0;
        List<AuditLog.Entry> entries = batch.stream().filter(w -> w.end() > from).map(Written::entry).toList();
        if (!entries.isEmpty()) {
          tx.audit().appendAll(entries);
        }
        tx.audit().markSpool(mark);
      });
      fileLock.lock();
      try {
        for (int i = 0; i < batch.size(); i++) {
          unmoved.removeFirst();
        }
      } finally {
        fileLock.unlock();
      }
      return batch.size();
    } finally {
      moveLock.unlock();
    }
  }

  private void moveUntilClosed() {
    long warnedAt = 0;
    while (!closing) {
      try {
        Thread.sleep(MOVE_EVERY);
      } catch (InterruptedException e) {
        return; // close() moves what is left
      }
      if (closing) {
        return;
      }
      try {
        // One move per tick (more only while a full batch is waiting): moving until nothing is left
        // would, under load, chase each new entry with a tiny transaction of its own.
        while (moveSome() == MAX_MOVE && !closing) {
          // a backlog: keep going
        }
      } catch (RuntimeException e) {
        long now = System.nanoTime();
        if (warnedAt == 0 || now - warnedAt > Duration.ofMinutes(1).toNanos()) { // once a minute, not every tick
          LOG.log(Level.WARNING, "audit spool: could not move entries into the audit log; retrying every "
              + MOVE_EVERY.toMillis() + " ms", e);
          warnedAt = now;
        }
      }
    }
  }

  // --- opening and recovery ---------------------------------------------------------------------

  private void recover() throws IOException {
    Files.createDirectories(file.getParent());
    channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    try {
      processLock = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      processLock = null;
    }
    if (processLock == null) {
      throw new StoreException(Reason.UNAVAILABLE, "the audit spool " + file + " is in use by another Countersign server");
    }
    Files.deleteIfExists(rotationFile()); // ours now: a rotation that stopped before its rename
    SpoolMark mark = store.transaction(tx -> tx.audit().spoolMark());
    if (channel.size() == 0) {
      if (mark.position() > HEADER_BYTES) {
        LOG.warning("audit spool: " + file + " was missing or empty; a new one starts (generation "
            + (mark.generation() + 1) + ")");
      }
      startGeneration(mark.generation() + 1);
      return;
    }
    generation = readHeader();
    long from;
    if (generation == mark.generation()) {
      from = mark.position();
    } else if (generation == mark.generation() + 1) {
      from = HEADER_BYTES; // rotated, and stopped before recording the new generation
    } else {
      throw new StoreException(Reason.FAILED, "the audit spool " + file + " (generation " + generation
          + ") does not belong to this database (which has moved generation " + mark.generation()
          + "); move the file aside to start a new one");
    }
    List<Written> found = readRecords(from);
    written = found.isEmpty() ? Math.max(from, HEADER_BYTES) : found.get(found.size() - 1).end();
    if (channel.size() > written) {
      LOG.warning("audit spool: cut a record torn by a crash at byte " + written + " of " + file);
      channel.truncate(written);
    }
    unmoved.addAll(found);
    if (!found.isEmpty()) {
      LOG.info("audit spool: moving " + found.size() + " entries written before the last stop");
    }
    flush();
    if (generation != mark.generation()) {
      SpoolMark now = new SpoolMark(generation, written);
      store.inTransaction(tx -> tx.audit().markSpool(now));
    }
  }

  private long readHeader() throws IOException {
    ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES);
    while (header.hasRemaining() && channel.read(header, header.position()) > 0) {
      // read the whole header
    }
    header.flip();
    byte[] magic = new byte[MAGIC.length];
    if (header.remaining() < HEADER_BYTES) {
      throw new StoreException(Reason.FAILED, "the audit spool " + file + " is not a Countersign audit spool (too short)");
    }
    header.get(magic);
    if (!java.util.Arrays.equals(magic, MAGIC)) {
      throw new StoreException(Reason.FAILED, "the audit spool " + file + " is not a Countersign audit spool");
    }
    return header.getLong();
  }

  /** The complete, intact records from {@code from} on; stops at the end or at a torn record. */
  private List<Written> readRecords(long from) throws IOException {
    List<Written> out = new ArrayList<>();
    long at = from;
    long size = channel.size();
    ByteBuffer head = ByteBuffer.allocate(2 * Integer.BYTES);
    while (at + head.capacity() <= size) {
      head.clear();
      readFully(head, at);
      head.flip();
      int length = head.getInt();
      int crc = head.getInt();
      if (length < 0 || length > MAX_BODY_BYTES || at + head.capacity() + length > size) {
        break;
      }
      ByteBuffer body = ByteBuffer.allocate(length);
      readFully(body, at + head.capacity());
      CRC32C check = new CRC32C();
      check.update(body.array());
      if ((int) check.getValue() != crc) {
        break;
      }
      at += head.capacity() + length;
      out.add(new Written(entry(body.array()), at));
    }
    return out;
  }

  private void readFully(ByteBuffer buffer, long at) throws IOException {
    long position = at;
    while (buffer.hasRemaining()) {
      int n = channel.read(buffer, position);
      if (n < 0) {
        throw new IOException("unexpected end of the audit spool at byte " + position);
      }
      position += n;
    }
  }

  // --- rotation ---------------------------------------------------------------------------------

  /** With everything moved (holding both locks): replaces a large spool by an empty next generation. */
  private void rotateIfDue() {
    if (written < rotateAtBytes || closing || broken) {
      return;
    }
    Path next = rotationFile();
    try {
      try (FileChannel c = FileChannel.open(next, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
          StandardOpenOption.WRITE)) {
        c.write(header(generation + 1), 0);
      }
      // Moved over the old file before the database hears of it: a crash in between leaves a file
      // one generation ahead of the mark, which opening recognises as rotated (everything moved).
      Files.move(next, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      LOG.log(Level.WARNING, "audit spool: cannot start a new generation of " + file + "; the current one goes on", e);
      try {
        Files.deleteIfExists(next);
      } catch (IOException ignored) {
        // the next rotation truncates it
      }
      return;
    }
    try {
      closeFile();
      channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
      processLock = channel.tryLock();
      if (processLock == null) {
        throw new IOException("another process locked the new spool file");
      }
      generation++;
      written = HEADER_BYTES;
      SpoolMark mark = new SpoolMark(generation, written);
      store.inTransaction(tx -> tx.audit().markSpool(mark));
    } catch (IOException e) {
      broken = true;
      throw new UncheckedIOException("cannot rotate the audit spool " + file, e);
    }
  }

  private Path rotationFile() {
    return file.resolveSibling(file.getFileName() + ".next");
  }

  private void startGeneration(long gen) throws IOException {
    channel.truncate(0);
    channel.write(header(gen), 0);
    generation = gen;
    written = HEADER_BYTES;
    SpoolMark mark = new SpoolMark(gen, written);
    store.inTransaction(tx -> tx.audit().markSpool(mark));
  }

  private static ByteBuffer header(long gen) {
    return ByteBuffer.allocate(HEADER_BYTES).put(MAGIC).putLong(gen).flip();
  }

  /** After a failed write: cuts the file back to its last whole record, or refuses further writes. */
  private void cutBackTo(long end) {
    try {
      channel.truncate(end);
    } catch (IOException e) {
      broken = true;
      LOG.log(Level.SEVERE, "audit spool: cannot cut " + file + " back after a failed write; refusing writes", e);
    }
  }

  private void closeFile() {
    try {
      if (processLock != null && processLock.isValid()) {
        processLock.release();
      }
      if (channel != null) {
        channel.close();
      }
    } catch (IOException e) {
      LOG.log(Level.WARNING, "audit spool: cannot close " + file, e);
    }
  }

  // --- records ------------------------------------------------------------------------------------

  private static byte[] record(AuditLog.Entry e) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(256 + e.payloadJson().length());
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(0); // length and CRC, filled in below
      out.writeInt(0);
      text(out, e.type());
      text(out, e.actor());
      text(out, e.subject());
      text(out, e.payloadJson());
      out.writeLong(e.at().getEpochSecond());
      out.writeInt(e.at().getNano());
    } catch (IOException impossible) {
      throw new UncheckedIOException(impossible);
    }
    byte[] r = bytes.toByteArray();
    int length = r.length - 2 * Integer.BYTES;
    CRC32C crc = new CRC32C();
    crc.update(r, 2 * Integer.BYTES, length);
    ByteBuffer.wrap(r).putInt(length).putInt((int) crc.getValue());
    return r;
  }

  private static void text(DataOutputStream out, String s) throws IOException {
    byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(utf8.length);
    out.write(utf8);
  }

  private static AuditLog.Entry entry(byte[] body) {
    ByteBuffer in = ByteBuffer.wrap(body);
    String type = text(in);
    String actor = text(in);
    String subject = text(in);
    String payload = text(in);
    Instant at = Instant.ofEpochSecond(in.getLong(), in.getInt());
    return new AuditLog.Entry(type, actor, subject, payload, at);
  }

  private static String text(ByteBuffer in) {
    byte[] utf8 = new byte[in.getInt()];
    in.get(utf8);
    return new String(utf8, StandardCharsets.UTF_8);
  }
}
