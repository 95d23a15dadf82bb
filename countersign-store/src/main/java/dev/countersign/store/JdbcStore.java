package dev.countersign.store;

import static java.util.Objects.requireNonNull;

import com.zaxxer.hikari.HikariDataSource;
import dev.countersign.store.StoreException.Reason;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.random.RandomGenerator;

/** The JDBC store: a HikariCP pool, Flyway migrations at open, one connection per transaction. */
final class JdbcStore implements Store {
  private static final int MAX_ATTEMPTS = 3;

  private final HikariDataSource pool;
  private final Dialect dialect;
  private final WriteGate gate;
  private final IdSource ids;
  private final RandomGenerator tokenRandom;

  private JdbcStore(
      HikariDataSource pool,
      Dialect dialect,
      WriteGate gate,
      IdSource ids,
      RandomGenerator tokenRandom) {
    this.pool = pool;
    this.dialect = dialect;
    this.gate = gate;
    this.ids = ids;
    this.tokenRandom = tokenRandom;
  }

  static JdbcStore open(StoreConfig config, IdSource ids, RandomGenerator tokenRandom) {
    requireNonNull(config, "config");
    requireNonNull(ids, "ids");
    requireNonNull(tokenRandom, "tokenRandom");
    HikariDataSource pool = Pools.openMigrated(config);
    return new JdbcStore(pool, Dialect.of(config), WriteGate.forConfig(config), ids, tokenRandom);
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
    JdbcTx tx = new JdbcTx(connection, gate, dialect, ids, tokenRandom);
    try {
      T result = runWork(tx, connection, work);
      if (tx.began()) { // a transaction that only read has nothing to commit
        commit(connection);
      }
      return result;
    } finally {
      tx.leaveGate();
      giveBack(connection);
    }
  }

  private <T> T runWork(JdbcTx tx, Connection connection, Function<Tx, T> work) {
    try {
      return work.apply(tx);
    } catch (StoreException e) {
      rollbackQuietly(tx, connection, e);
      if (e.reason() == Reason.CONCURRENT || connectionLost(connection)) {
        throw new Retry(e);
      }
      throw e;
    } catch (RuntimeException | Error e) {
      rollbackQuietly(tx, connection, e);
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

  private static void rollbackQuietly(JdbcTx tx, Connection connection, Throwable cause) {
    if (!tx.began()) {
      return; // only single-statement reads ran: nothing to undo
    }
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
