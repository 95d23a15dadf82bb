package dev.countersign.store;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * An agent created through the API rather than org.yaml.
 *
 * @param id the agent id, unique across the directory
 * @param sponsor the human it acts for
 * @param model the model it runs, e.g. {@code anthropic/claude-sonnet-4}
 * @param createdBy the human who created it
 * @param createdAt when (stored to microseconds)
 */
public record ManagedAgentRecord(
    String id, String sponsor, String model, String createdBy, Instant createdAt) {
  public ManagedAgentRecord {
    requireNonNull(id, "id");
    requireNonNull(sponsor, "sponsor");
    requireNonNull(model, "model");
    requireNonNull(createdBy, "createdBy");
    requireNonNull(createdAt, "createdAt");
    if (id.isEmpty()) {
      throw new IllegalArgumentException("agent id must not be empty");
    }
  }
}
