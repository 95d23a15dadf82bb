package dev.countersign.directory;

import java.util.List;

/** Anyone or anything that acts: a human, an agent, or a service (pipeline/bot) identity. */
public sealed interface Principal permits Human, Agent, ServiceIdentity {

  /** The unique id. */
  String id();

  /** The grants that bound this principal; empty for a human means "unbounded, policy decides". */
  List<Grant> grants();

  /** The kind word used on the wire: human, agent or service. */
  String kind();
}
