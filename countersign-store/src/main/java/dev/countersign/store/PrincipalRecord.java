package dev.countersign.store;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * A principal as stored: its id, kind and its definition as the server serialized it.
 *
 * @param id the principal id, e.g. {@code mia}
 * @param kind {@code human}, {@code agent} or {@code service}
 * @param definitionJson the full definition, JSON text the store does not parse
 * @param updatedAt when it was last written (stored to microseconds)
 */
public record PrincipalRecord(String id, String kind, String definitionJson, Instant updatedAt) {
  public PrincipalRecord {
    requireNonNull(id, "id");
    requireNonNull(kind, "kind");
    requireNonNull(definitionJson, "definitionJson");
    requireNonNull(updatedAt, "updatedAt");
    if (id.isEmpty()) {
      throw new IllegalArgumentException("principal id must not be empty");
    }
  }
}
