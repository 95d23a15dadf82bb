package dev.countersign.cli;

import dev.countersign.store.AuditSpool;
import dev.countersign.store.StoreConfig;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** Where the database is: an embedded H2 file in a data directory, or a PostgreSQL URL. */
final class DatabaseOptions {
  @Option(names = "--data-dir", paramLabel = "DIR", description = "embedded H2 database directory (default: ${DEFAULT-VALUE})")
  Path dataDir = Path.of(".countersign");

  @Option(names = "--database", paramLabel = "JDBC-URL", description = "a jdbc:postgresql:// URL; credentials from --db-user or COUNTERSIGN_DB_USER / COUNTERSIGN_DB_PASSWORD")
  Optional<String> database = Optional.empty();

  @Option(names = "--db-user", paramLabel = "USER", description = "database user (default: $COUNTERSIGN_DB_USER)")
  Optional<String> user = Optional.empty();

  /** The store configuration these options describe. */
  StoreConfig config() {
    if (database.isEmpty()) {
      return StoreConfig.h2File(dataDir);
    }
    String url = database.get();
    if (!url.startsWith("jdbc:postgresql:")) {
      throw new InputError("--database must be a jdbc:postgresql:// URL (leave it out for the embedded H2 database)");
    }
    String u = user.orElse(env("COUNTERSIGN_DB_USER"));
    return StoreConfig.postgres(url, u, env("COUNTERSIGN_DB_PASSWORD"));
  }

  /**
   * The audit spool of the embedded database: a file beside it, local to this machine by
   * definition. PostgreSQL has none (a server's disk may not outlive it; its commits are cheap).
   */
  Optional<Path> auditSpool() {
    return database.isEmpty() ? Optional.of(dataDir.resolve(AuditSpool.FILE_NAME)) : Optional.empty();
  }

  /** Describes the database without secrets. */
  String describe() {
    return database.map(u -> u.replaceAll("(?i)(password=)[^&]*", "$1***")).orElse("embedded H2 in " + dataDir.toAbsolutePath().normalize());
  }

  private static String env(String name) {
    String v = System.getenv(name);
    return v == null ? "" : v;
  }
}
