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
  private final IdSource ids;
  private final RandomGenerator tokenRandom;

  private JdbcStore(HikariDataSource pool, IdSource ids, RandomGenerator tokenRandom) {
    this.pool = pool;
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
    return new JdbcStore(pool, ids, tokenRandom);
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

  private static void migrate(HikariDataSource pool, StoreConfig config) {
    String clob = config.isH2() ? "CHARACTER LARGE OBJECT" : "TEXT";
    try {
      Flyway.configure()
          .dataSource(pool)
          .locations("classpath:db/migration")
          .placeholders(Map.of("clob", clob))
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
      } catch (StoreException e) {
        if (e.reason() != Reason.CONCURRENT || attempt >= MAX_ATTEMPTS) {
          throw e;
        }
      }
    }
  }

  @Override
  public void inTransaction(Consumer<Tx> work) {
    requireNonNull(work, "work");
    transaction(tx -> {
      work.accept(tx);
      return Boolean.TRUE;
    });
  }

  private <T> T attempt(Function<Tx, T> work) {
    try (Connection connection = pool.getConnection()) {
      JdbcTx tx = new JdbcTx(connection, ids, tokenRandom);
      T result;
      try {
        result = work.apply(tx);
      } catch (RuntimeException | Error e) {
        rollbackQuietly(connection, e);
        throw e;
      } finally {
        tx.end();
      }
      connection.commit();
      return result;
    } catch (SQLException e) {
      throw Sql.failure("transaction", e);
    }
  }

  private static void rollbackQuietly(Connection connection, Throwable cause) {
    try {
      connection.rollback();
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
  }

  @Override
  public void close() {
    pool.close();
  }
}
