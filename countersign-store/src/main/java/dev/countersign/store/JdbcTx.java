package dev.countersign.store;

import dev.countersign.store.StoreException.Reason;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.random.RandomGenerator;

/** A transaction on one pooled connection; refuses use after its work function has returned. */
final class JdbcTx implements Tx {
  private final Connection connection;
  private final Thread owner = Thread.currentThread();
  private final Principals principals;
  private final Tokens tokens;
  private final Changes changes;
  private final Reviews reviews;
  private final ToolCalls toolCalls;
  private final ManagedAgents managedAgents;
  private final AuditLog audit;
  private final WriteGate gate;
  private volatile boolean open = true;
  private boolean writing;

  JdbcTx(
      Connection connection,
      WriteGate gate,
      Dialect dialect,
      IdSource ids,
      RandomGenerator tokenRandom) {
    this.connection = connection;
    this.gate = gate;
    this.principals = new JdbcPrincipals(this);
    this.tokens = new JdbcTokens(this, ids, tokenRandom);
    this.changes = new JdbcChanges(this, ids);
    this.reviews = new JdbcReviews(this, ids);
    this.toolCalls = new JdbcToolCalls(this);
    this.managedAgents = new JdbcManagedAgents(this, ids);
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

  /**
   * The connection for a statement that writes or locks rows: passes the write gate first and, at
   * the first such statement, begins the database transaction. Reads before it ran as single
   * statements (auto-commit), which at READ COMMITTED see what they would have seen inside it: each
   * statement reads what was committed when it started, and nothing was locked or written yet.
   */
  Connection writeConnection() {
    Connection c = connection();
    if (!writing) {
      gate.enter();
      writing = true;
      try {
        c.setAutoCommit(false);
      } catch (SQLException e) {
        throw Sql.failure("begin a transaction", e);
      }
    }
    return c;
  }

  /** Whether a write or lock began a database transaction that must be committed or rolled back. */
  boolean began() {
    return writing;
  }

  /** Refuses further use; called when the work function returns or throws. */
  void end() {
    open = false;
  }

  /** Lets the next writer in; called after the commit or rollback. */
  void leaveGate() {
    if (writing) {
      writing = false;
      gate.leave();
    }
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
  public ToolCalls toolCalls() {
    return toolCalls;
  }

  @Override
  public ManagedAgents managedAgents() {
    return managedAgents;
  }

  @Override
  public AuditLog audit() {
    return audit;
  }
}
