package dev.countersign.cli;

import dev.countersign.config.org.OrgYaml;
import dev.countersign.directory.Directory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Reloads the org file when its content changes, so a sponsor who leaves (or loses rights) takes
 * their agents' rights with them from the next decision.
 *
 * <p>It compares content, not modification times: an edit within the file system's timestamp
 * resolution that keeps the size ("senior" → "junior") still counts, and other files in the same
 * folder (such as the database next to ./org.yaml) do not. A file that fails to load is reported
 * once and the directory in force stays; a directory that loads but cannot be adopted (the store
 * is down) is tried again at the next poll, since the file will not change again to trigger it.
 */
final class OrgReloader {
  static final Duration POLL = Duration.ofSeconds(2);

  private final Path file;
  private final Consumer<Directory> adopt;
  private final Consumer<String> log;
  private byte[] handled;
  private String lastProblem = "";

  /**
   * A reloader for {@code file}, whose directory in force was loaded from {@code loadedFrom};
   * {@code adopt} records and applies a new directory, {@code log} reports to the operator.
   */
  OrgReloader(Path file, byte[] loadedFrom, Consumer<Directory> adopt, Consumer<String> log) {
    this.file = file;
    this.handled = loadedFrom.clone();
    this.adopt = adopt;
    this.log = log;
  }

  /** The file's content now, or none when it cannot be read (a missing file is no directory). */
  static byte[] content(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      return new byte[0];
    }
  }

  /** Starts a daemon virtual thread that polls every {@link #POLL}. */
  void start() {
    Thread.ofVirtual().name("org-reloader").start(() -> {
      while (!Thread.currentThread().isInterrupted()) {
        try {
          Thread.sleep(POLL);
        } catch (InterruptedException e) {
          return;
        }
        poll();
      }
    });
  }

  /** Reloads once if the file's content differs from the last content handled. */
  void poll() {
    byte[] now;
    try {
      now = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      problem("it does not exist");
      return;
    } catch (IOException e) {
      problem("it cannot be read (" + e + ")");
      return;
    }
    if (Arrays.equals(now, handled)) {
      return;
    }
    Directory next;
    try {
      next = OrgYaml.parse(now, file.toString());
    } catch (RuntimeException e) {
      handled = now; // the same broken content is reported once, not at every poll
      lastProblem = ""; // new content: its problem is news even when worded as the last one
      problem(Objects.requireNonNullElse(e.getMessage(), e.toString()));
      return;
    }
    try {
      adopt.accept(next);
    } catch (RuntimeException e) {
      problem("it could not be recorded, trying again (" + e.getMessage() + ")");
      return;
    }
    handled = now;
    lastProblem = "";
    log.accept("countersign: directory reloaded from " + file);
  }

  private void problem(String what) {
    if (!what.equals(lastProblem)) {
      lastProblem = what;
      log.accept("countersign: " + file + " not reloaded, the directory in force stays: " + what);
    }
  }
}
