package dev.countersign.store;

import dev.countersign.store.StoreException.Reason;
import java.sql.Connection;
import java.util.random.RandomGenerator;

/** A transaction on one pooled connection; refuses use after its work function has returned. */
final class JdbcTx implements Tx {
  private final Connection connection;
  private final Thread owner = Thread.currentThread();
  private final Principals principals;
  private final Tokens tokens;
  private final Changes changes;
  private final Reviews reviews;
  private final AuditLog audit;
  private volatile boolean open = true;

  JdbcTx(Connection connection, Dialect dialect, IdSource ids, RandomGenerator tokenRandom) {
    this.connection = connection;
    this.principals = new JdbcPrincipals(this);
    this.tokens = new JdbcTokens(this, ids, tokenRandom);
    this.changes = new JdbcChanges(this, ids);
    this.reviews = new JdbcReviews(this, ids);
    this.audit = new JdbcAuditLog(this, dialect);
  }

  /** The connection, if this transaction is still open and used from its own thread. */
  Connection connection() {
    if (!open) {
      throw new StoreException(Reason.FAILED, "the transaction has already ended");
    }
    if (Thread.currentThread() != owner) {
      throw new StoreException(Reason.FAILED, "a transaction is used by one thread only");
    }
    return connection;
  }

  void end() {
    open = false;
  }

  @Override
  public Principals principals() {
    return principals;
  }

  @Override
  public Tokens tokens() {
    return tokens;
  }

  @Override
  public Changes changes() {
    return changes;
  }

  @Override
  public Reviews reviews() {
    return reviews;
  }

  @Override
  public AuditLog audit() {
    return audit;
  }
}
