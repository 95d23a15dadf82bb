package dev.countersign.store;

import static java.util.Objects.requireNonNull;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.countersign.store.StoreException.Reason;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/** The JDBC store: a HikariCP pool, Flyway migrations at open, one connection per transaction. */
final class JdbcStore implements Store {
  private static final int MAX_ATTEMPTS = 3;

  private final HikariDataSource pool;
  private final Dialect dialect;
  private final IdSource ids;
  private final RandomGenerator tokenRandom;

  private JdbcStore(
      HikariDataSource pool, Dialect dialect, IdSource ids, RandomGenerator tokenRandom) {
    this.pool = pool;
    this.dialect = dialect;
    this.ids = ids;
    this.tokenRandom = tokenRandom;
  }

  static JdbcStore open(StoreConfig config, IdSource ids, RandomGenerator tokenRandom) {
    requireNonNull(config, "config");
    requireNonNull(ids, "ids");
    requireNonNull(tokenRandom, "tokenRandom");
    HikariDataSource pool = connect(config);
    try {
      migrate(pool, config);
    } catch (RuntimeException e) {
      pool.close();
      throw e;
    }
    return new JdbcStore(pool, Dialect.of(config), ids, tokenRandom);
  }

  private static HikariDataSource connect(StoreConfig config) {
    HikariConfig hikari = new HikariConfig();
    hikari.setPoolName("countersign-store");
    hikari.setJdbcUrl(config.jdbcUrl());
    hikari.setUsername(config.user());
    hikari.setPassword(config.password());
    hikari.setMaximumPoolSize(config.poolSize());
    hikari.setAutoCommit(false);
    hikari.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
    hikari.setConnectionTimeout(30_000);
    if (config.isH2()) {
      keepH2ServerOnLoopback();
      // An embedded H2 database closes with its last connection: never retire pooled ones.
      hikari.setMaxLifetime(0);
      hikari.setMinimumIdle(config.poolSize());
      // Also for H2 URLs not made by StoreConfig.h2File: see StoreConfig.H2_SETTINGS for why.
      hikari.setConnectionInitSql(
          "SET WRITE_DELAY 0; SET LOCK_TIMEOUT 10000; SET OPTIMIZE_REUSE_RESULTS FALSE");
    } else {
      // Like H2's LOCK_TIMEOUT: a stuck lock holder makes waiters fail, not hang; and a node that
      // dies inside a transaction releases its locks within a minute.
      hikari.setConnectionInitSql(
          "SET lock_timeout = '10s'; SET idle_in_transaction_session_timeout = '60s'");
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

  private static void migrate(HikariDataSource pool, StoreConfig config) {
    try {
      Flyway.configure()
          .dataSource(pool)
          .locations("classpath:db/migration")
          .failOnMissingLocations(true)
          .placeholders(Map.of("clob", Dialect.of(config).clobType()))
          .load()
          .migrate();
    } catch (FlywayException e) {
      throw new StoreException(Reason.FAILED, "cannot migrate the database schema", e);
    }
  }

  @Override
  public <T> T transaction(Function<Tx, T> work) {
    requireNonNull(work, "work");
    for (int attempt = 1; ; attempt++) {
      try {
        return attempt(work);
      } catch (Retry retry) {
        if (attempt >= MAX_ATTEMPTS) {
          throw retry.failure;
        }
      }
    }
  }

  @Override
  public void inTransaction(Consumer<Tx> work) {
    requireNonNull(work, "work");
    transaction(
        tx -> {
          work.accept(tx);
          return Boolean.TRUE;
        });
  }

  private <T> T attempt(Function<Tx, T> work) {
    Connection connection = borrow();
    try {
      T result = runWork(connection, work);
      commit(connection);
      return result;
    } finally {
      giveBack(connection);
    }
  }

  private <T> T runWork(Connection connection, Function<Tx, T> work) {
    JdbcTx tx = new JdbcTx(connection, dialect, ids, tokenRandom);
    try {
      return work.apply(tx);
    } catch (StoreException e) {
      rollbackQuietly(connection, e);
      if (e.reason() == Reason.CONCURRENT || connectionLost(connection)) {
        throw new Retry(e);
      }
      throw e;
    } catch (RuntimeException | Error e) {
      rollbackQuietly(connection, e);
      throw e;
    } finally {
      tx.end();
    }
  }

  private void commit(Connection connection) {
    try {
      connection.commit();
    } catch (SQLException e) {
      StoreException failure = Sql.failure("commit", e);
      if (failure.reason() == Reason.CONCURRENT) {
        throw new Retry(failure);
      }
      // Any other failure may have happened after the commit took effect: never retry it.
      connectionLost(connection);
      throw failure;
    }
  }

  /**
   * Whether the connection died (e.g. the process serving a shared H2 file exited, or a PostgreSQL
   * failover); if so every pooled connection is replaced, since they share its fate.
   */
  private boolean connectionLost(Connection connection) {
    boolean lost;
    try {
      lost = !connection.isValid(2);
    } catch (SQLException e) {
      lost = true;
    }
    if (lost) {
      pool.getHikariPoolMXBean().softEvictConnections();
    }
    return lost;
  }

  private Connection borrow() {
    try {
      return pool.getConnection();
    } catch (SQLException e) {
      throw Sql.failure("open a connection", e);
    }
  }

  private static void giveBack(Connection connection) {
    try {
      connection.close();
    } catch (SQLException e) {
      // The pool discards a connection it cannot reset; the transaction's outcome stands.
    }
  }

  private static void rollbackQuietly(Connection connection, Throwable cause) {
    try {
      connection.rollback();
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
  }

  /** A failure before commit that running the work again may cure. */
  private static final class Retry extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final StoreException failure;

    Retry(StoreException failure) {
      super(failure.getMessage(), failure, false, false);
      this.failure = failure;
    }
  }

  @Override
  public void close() {
    pool.close();
  }
}
