package dev.countersign.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.stream.Stream;

/**
 * Polls a policy directory and reloads when a file changes. A policy that fails to compile is
 * reported and the one in force stays (the holder never swaps in a broken set).
 */
final class PolicyWatcher {
  private static final long POLL_MILLIS = 2000;

  private PolicyWatcher() {}

  /**
   * Starts a daemon virtual thread that calls {@code reload} after each change since {@code first},
   * the {@link #stamp} taken before the policy in force was loaded (so an edit made while it loaded
   * is reloaded, not taken as the baseline).
   */
  static void start(Path dir, String first, Runnable reload) {
    Thread.ofVirtual().name("policy-watcher").start(() -> {
      String last = first;
      while (!Thread.currentThread().isInterrupted()) {
        try {
          Thread.sleep(POLL_MILLIS);
          String now = stamp(dir);
          if (!now.equals(last)) {
            last = now;
            reload.run();
          }
        } catch (InterruptedException e) {
          return;
        } catch (RuntimeException e) {
          System.err.println("countersign: policy not reloaded, the previous policy stays in force: " + e.getMessage());
        }
      }
    });
  }

  /** The directory's files with their modification times and sizes. */
  static String stamp(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      StringBuilder sb = new StringBuilder();
      // The size too: an edit within the file system's timestamp resolution often changes it.
      files.sorted().forEach(f -> sb.append(f.getFileName()).append('@').append(mtime(f)).append('+').append(size(f)).append(';'));
      return sb.toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static long size(Path f) {
    try {
      return Files.size(f);
    } catch (IOException e) {
      return -1;
    }
  }

  private static FileTime mtime(Path f) {
    try {
      return Files.getLastModifiedTime(f);
    } catch (IOException e) {
      return FileTime.fromMillis(0);
    }
  }
}
