package dev.countersign.model;

import static java.util.Objects.requireNonNull;

/**
 * One normalized thing a change will do.
 *
 * @param verb what happens
 * @param resourceType the provider's type, e.g. {@code aws_db_instance}, {@code file}, {@code kubernetes}
 * @param address where, e.g. a Terraform address or a path
 * @param service the catalog service this action touches, or empty when unknown
 * @param stateful whether the resource holds data that a delete or replace would lose
 * @param reason why the analyser chose this verb, in words (e.g. Terraform's action_reason)
 * @param contentHash hex SHA-256 of the canonical before/after values, so the change digest moves
 *     whenever what will happen moves; empty when the format carries no values
 */
public record Action(
    Verb verb,
    String resourceType,
    String address,
    String service,
    boolean stateful,
    String reason,
    String contentHash) {

  public Action {
    requireNonNull(verb, "verb");
    requireNonNull(resourceType, "resourceType");
    requireNonNull(address, "address");
    requireNonNull(service, "service");
    requireNonNull(reason, "reason");
    requireNonNull(contentHash, "contentHash");
  }

  /** Whether this action deletes or rebuilds a resource. */
  public boolean destructive() {
    return verb.destructive();
  }

  /** Whether this action destroys data: destructive on a stateful resource. */
  public boolean dataLoss() {
    return stateful && verb.destructive();
  }
}
