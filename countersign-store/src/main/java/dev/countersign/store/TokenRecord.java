package dev.countersign.store;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;

/**
 * A stored API token, without any secret.
 *
 * @param id the token id
 * @param principalId the principal it authenticates as
 * @param label a human note, e.g. {@code ci pipeline}
 * @param createdAt when it was created
 * @param revokedAt when it was revoked, or empty while it is active
 */
public record TokenRecord(
    String id, String principalId, String label, Instant createdAt, Optional<Instant> revokedAt) {
  public TokenRecord {
    requireNonNull(id, "id");
    requireNonNull(principalId, "principalId");
    requireNonNull(label, "label");
    requireNonNull(createdAt, "createdAt");
    requireNonNull(revokedAt, "revokedAt");
  }

  /** Whether the token still authenticates. */
  public boolean active() {
    return revokedAt.isEmpty();
  }
}
