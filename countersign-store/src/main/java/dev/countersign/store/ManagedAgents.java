package dev.countersign.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Agents and their grants managed at runtime (not from org.yaml), seen from one transaction. */
public interface ManagedAgents {

  /** Stores a new agent; fails with {@link StoreException.Reason#DUPLICATE} if the id is taken. */
  void insert(ManagedAgentRecord agent);

  /** The agent with this id, if stored. */
  Optional<ManagedAgentRecord> get(String id);

  /** Every managed agent, ordered by id. */
  List<ManagedAgentRecord> list();

  /** A fresh grant id ({@code gr_…}). */
  String newGrantId();

  /** Stores a grant; its agent must exist ({@link StoreException.Reason#INVALID} otherwise). */
  void insertGrant(AgentGrantRecord grant);

  /** The grant with this id, if stored. */
  Optional<AgentGrantRecord> grant(String id);

  /** The grant with this id, locked until the transaction ends, if stored. */
  Optional<AgentGrantRecord> grantForUpdate(String id);

  /** Every grant of every managed agent, in any state, ordered by agent, creation time and id. */
  List<AgentGrantRecord> grants();

  /** The grants of one agent, in any state, ordered by creation time and id. */
  List<AgentGrantRecord> grants(String agentId);

  /**
   * Makes a pending grant active until {@code expires}; returns false when it is not pending (or
   * does not exist).
   */
  boolean approve(String grantId, String approvedBy, Instant approvedAt, Instant expires);

  /** Revokes a grant; returns false when it was revoked already (or does not exist). */
  boolean revoke(String grantId, String revokedBy, Instant revokedAt);
}
