package dev.countersign.store;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;

/**
 * Where the store lives and how many connections it may hold.
 *
 * @param jdbcUrl a {@code jdbc:h2:file:} or {@code jdbc:postgresql:} URL
 * @param user the database user
 * @param password the database password (never printed by {@link #toString()})
 * @param poolSize the maximum number of pooled connections, at least 1
 */
public record StoreConfig(String jdbcUrl, String user, String password, int poolSize) {

  /** The pool size for PostgreSQL: each connection is a server process there. */
  public static final int DEFAULT_POOL_SIZE = 8;

  /**
   * The pool size for embedded H2, where a connection is only a session in this JVM: the server
   * runs every request on its own virtual thread, and a hook decision holds a connection for each of
   * its short read transactions, so a small pool made concurrent decisions queue for connections.
   */
  public static final int H2_POOL_SIZE = 32;

  /**
   * H2 settings appended to a file URL. {@code AUTO_SERVER} lets a second process (such as {@code
   * countersign token create}) use the database while the server holds it; {@code WRITE_DELAY=0}
   * writes every commit to the file before the commit returns, so it survives {@code kill -9};
   * {@code LOCK_TIMEOUT} lets row locks wait as long as on PostgreSQL; {@code
   * OPTIMIZE_REUSE_RESULTS=FALSE} turns off H2's cache of query results, which can return stale
   * rows under concurrent commits (H2 issues 3894 and 4208). The store also sets the last three on
   * every H2 connection it opens (see {@code Dialect.H2}).
   */
  static final String H2_SETTINGS =
      ";AUTO_SERVER=TRUE;WRITE_DELAY=0;LOCK_TIMEOUT=10000;OPTIMIZE_REUSE_RESULTS=FALSE";

  public StoreConfig {
    requireNonNull(jdbcUrl, "jdbcUrl");
    requireNonNull(user, "user");
    requireNonNull(password, "password");
    if (!jdbcUrl.startsWith("jdbc:h2:") && !jdbcUrl.startsWith("jdbc:postgresql:")) {
      throw new IllegalArgumentException("only jdbc:h2: and jdbc:postgresql: URLs are supported");
    }
    if (poolSize < 1) {
      throw new IllegalArgumentException("poolSize must be at least 1, was " + poolSize);
    }
  }

  /**
   * The embedded H2 database {@code countersign} in {@code dataDir}, shareable with other
   * processes.
   */
  public static StoreConfig h2File(Path dataDir) {
    String dir = dataDir.toAbsolutePath().normalize().toString();
    if (dir.contains(";")) {
      throw new IllegalArgumentException("the data directory path must not contain ';'");
    }
    return new StoreConfig(
        "jdbc:h2:file:" + dir + "/countersign" + H2_SETTINGS, "countersign", "", H2_POOL_SIZE);
  }

  /** A PostgreSQL database, given its {@code jdbc:postgresql:} URL and credentials. */
  public static StoreConfig postgres(String jdbcUrl, String user, String password) {
    if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
      throw new IllegalArgumentException("expected a jdbc:postgresql: URL");
    }
    return new StoreConfig(jdbcUrl, user, password, DEFAULT_POOL_SIZE);
  }

  /** This configuration with another pool size. */
  public StoreConfig withPoolSize(int size) {
    return new StoreConfig(jdbcUrl, user, password, size);
  }

  /** Whether this is an H2 database. */
  public boolean isH2() {
    return jdbcUrl.startsWith("jdbc:h2:");
  }

  @Override
  public String toString() {
    String url = jdbcUrl.replaceAll("(?i)(password=)[^&;]*", "$1***");
    return "StoreConfig[jdbcUrl=" + url + ", user=" + user + ", poolSize=" + poolSize + "]";
  }
}
