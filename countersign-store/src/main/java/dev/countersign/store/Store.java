package dev.countersign.store;

import java.security.SecureRandom;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.random.RandomGenerator;

/**
 * The Countersign database. Every read and write runs inside {@link #transaction(Function)}; a
 * store is safe to share between threads and, on PostgreSQL, between server nodes.
 */
public interface Store extends AutoCloseable {

  /**
   * Opens the database, applying any pending schema migrations, with ids and tokens drawn from a
   * {@link SecureRandom}.
   */
  static Store open(StoreConfig config) {
    SecureRandom random = new SecureRandom();
    return open(config, IdSource.random(random), random);
  }

  /**
   * Opens the database, applying any pending schema migrations, with injected ids and token
   * randomness ({@code tokenRandom} must be a cryptographically strong generator outside tests).
   */
  static Store open(StoreConfig config, IdSource ids, RandomGenerator tokenRandom) {
    return JdbcStore.open(config, ids, tokenRandom);
  }

  /**
   * Runs {@code work} in one database transaction and returns its result: commits if it returns,
   * rolls back and rethrows if it throws. When a deadlock, a serialization conflict or a lost
   * connection stops it before the commit, the work runs again (three attempts in all), so it must
   * have no effects outside the {@link Tx}. A failed commit is never retried (it may have taken
   * effect): it surfaces as a {@link StoreException}, typically {@code UNAVAILABLE}.
   *
   * <p>The isolation level is READ COMMITTED, where each statement sees what was committed when it
   * began. The database transaction itself begins at the first write or row lock, so work that only
   * reads costs no BEGIN or COMMIT (a round trip each on PostgreSQL) and sees exactly what it would
   * have seen inside one.
   */
  <T> T transaction(Function<Tx, T> work);

  /** Like {@link #transaction(Function)} for work that returns nothing. */
  void inTransaction(Consumer<Tx> work);

  /** Closes every pooled connection; the store cannot be used afterwards. */
  @Override
  void close();
}
