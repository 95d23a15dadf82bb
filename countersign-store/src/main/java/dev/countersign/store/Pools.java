package dev.countersign.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.countersign.store.StoreException.Reason;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/** Opens the connection pool for a configuration and brings the schema up to date. */
final class Pools {
  private Pools() {}

  /** A pool whose database has every migration applied; closed again if migration fails. */
  static HikariDataSource openMigrated(StoreConfig config) {
    HikariDataSource pool = connect(config);
    try {
      migrate(pool, Dialect.of(config));
      return pool;
    } catch (RuntimeException e) {
      pool.close();
      throw e;
    }
  }

  private static HikariDataSource connect(StoreConfig config) {
    Dialect dialect = Dialect.of(config);
    HikariConfig hikari = new HikariConfig();
    hikari.setPoolName("countersign-store");
    hikari.setJdbcUrl(config.jdbcUrl());
    hikari.setUsername(config.user());
    hikari.setPassword(config.password());
    hikari.setMaximumPoolSize(config.poolSize());
    // Connections start in auto-commit: a transaction's reads before its first write run as single
    // statements (no BEGIN/COMMIT round trips on PostgreSQL); JdbcTx opens the database transaction
    // at the first write or lock. At READ COMMITTED a statement sees the same either way.
    hikari.setAutoCommit(true);
    hikari.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
    hikari.setConnectionTimeout(30_000);
    hikari.setConnectionInitSql(dialect.connectionInitSql());
    if (dialect == Dialect.H2) {
      keepH2ServerOnLoopback();
      // An embedded H2 database closes with its last connection: never retire pooled ones.
      hikari.setMaxLifetime(0);
      hikari.setMinimumIdle(config.poolSize());
    }
    try {
      return new HikariDataSource(hikari);
    } catch (RuntimeException e) {
      throw new StoreException(Reason.UNAVAILABLE, "cannot open the database", e);
    }
  }

  /**
   * H2's AUTO_SERVER listens on every interface unless {@code h2.bindAddress} is set before H2
   * loads; the database is meant for processes on this machine only. An explicit setting wins.
   */
  private static void keepH2ServerOnLoopback() {
    if (System.getProperty("h2.bindAddress") == null) {
      System.setProperty("h2.bindAddress", "127.0.0.1");
    }
  }

  private static void migrate(HikariDataSource pool, Dialect dialect) {
    try {
      Flyway.configure()
          .dataSource(pool)
          .locations("classpath:db/migration")
          .failOnMissingLocations(true)
          .placeholders(Map.of("clob", dialect.clobType(), "audit_text", dialect.auditTextType()))
          .load()
          .migrate();
    } catch (FlywayException e) {
      throw new StoreException(Reason.FAILED, "cannot migrate the database schema", e);
    }
  }
}
