package dev.countersign.store;

/**
 * One open transaction, valid only inside the work function it was given to, and only on that
 * thread. Everything done through it commits together or not at all.
 */
public interface Tx {

  /** The humans, agents and services. */
  Principals principals();

  /** The API tokens. */
  Tokens tokens();

  /** The proposed changes. */
  Changes changes();

  /** The reviewers' verdicts. */
  Reviews reviews();

  /** Agents' tool calls held for approval. */
  ToolCalls toolCalls();

  /** Agents and their grants managed through the API, not org.yaml. */
  ManagedAgents managedAgents();

  /** The append-only audit journal. */
  AuditLog audit();
}
