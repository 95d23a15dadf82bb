package dev.countersign.store;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A grant of a managed agent: given by a human ({@code kind} {@code grant}, active at once) or an
 * elevation the agent asked for ({@code kind} {@code elevation}, pending until approved; approval
 * sets {@code expires} to the approval time plus {@code duration}).
 *
 * @param id the grant id ({@code gr_…})
 * @param agentId the managed agent
 * @param kind {@code grant} or {@code elevation}
 * @param environments environment names, {@code "*"} for every one; no name contains a comma
 * @param services service names, {@code "*"} for every one; no name contains a comma
 * @param verbs verb words, e.g. {@code read}
 * @param expires when it stops counting; empty for a pending elevation
 * @param duration how long an elevation lasts once approved; empty for a plain grant
 * @param reason why it was given or asked for
 * @param state {@code active}, {@code pending} or {@code revoked}
 * @param createdBy who gave or asked for it
 * @param createdAt when
 * @param approvedBy who approved it (an elevation), if so
 * @param approvedAt when it was approved, if so
 * @param revokedBy who revoked it, if so
 * @param revokedAt when it was revoked, if so
 */
public record AgentGrantRecord(
    String id,
    String agentId,
    String kind,
    List<String> environments,
    List<String> services,
    List<String> verbs,
    Optional<Instant> expires,
    Optional<Duration> duration,
    String reason,
    String state,
    String createdBy,
    Instant createdAt,
    Optional<String> approvedBy,
    Optional<Instant> approvedAt,
    Optional<String> revokedBy,
    Optional<Instant> revokedAt) {

  /** A grant given by a human: active at once. */
  public static final String GRANT = "grant";
  /** An elevation asked for by the agent: pending until approved. */
  public static final String ELEVATION = "elevation";
  /** In force (until it expires). */
  public static final String ACTIVE = "active";
  /** Waiting for approval: gives no rights. */
  public static final String PENDING = "pending";
  /** Revoked: gives no rights. */
  public static final String REVOKED = "revoked";

  public AgentGrantRecord {
    requireNonNull(id, "id");
    requireNonNull(agentId, "agentId");
    requireNonNull(kind, "kind");
    environments = List.copyOf(environments);
    services = List.copyOf(services);
    verbs = List.copyOf(verbs);
    requireNonNull(expires, "expires");
    requireNonNull(duration, "duration");
    requireNonNull(reason, "reason");
    requireNonNull(state, "state");
    requireNonNull(createdBy, "createdBy");
    requireNonNull(createdAt, "createdAt");
    requireNonNull(approvedBy, "approvedBy");
    requireNonNull(approvedAt, "approvedAt");
    requireNonNull(revokedBy, "revokedBy");
    requireNonNull(revokedAt, "revokedAt");
    if (!kind.equals(GRANT) && !kind.equals(ELEVATION)) {
      throw new IllegalArgumentException("kind must be grant or elevation, was " + kind);
    }
    if (!state.equals(ACTIVE) && !state.equals(PENDING) && !state.equals(REVOKED)) {
      throw new IllegalArgumentException("state must be active, pending or revoked, was " + state);
    }
    for (List<String> names : List.of(environments, services, verbs)) {
      for (String n : names) {
        if (n.isEmpty() || n.indexOf(',') >= 0) {
          throw new IllegalArgumentException("names must be non-empty and without commas: '" + n + "'");
        }
      }
    }
  }
}
