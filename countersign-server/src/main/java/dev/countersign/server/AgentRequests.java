package dev.countersign.server;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** The bodies of the agent-management endpoints; absent fields arrive as null and are refused. */
public final class AgentRequests {
  private AgentRequests() {}

  /** {@code POST /v1/agents}. */
  public record Create(@Nullable String id, @Nullable String sponsor, @Nullable String model) {}

  /** {@code POST /v1/agents/{id}/grants}; {@code expires} is an ISO-8601 instant. */
  public record AddGrant(
      @Nullable List<String> environments,
      @Nullable List<String> services,
      @Nullable List<String> verbs,
      @Nullable String expires,
      @Nullable String reason) {}

  /** {@code POST /v1/agents/{id}/elevations}; {@code duration} is ISO-8601, e.g. {@code PT2H}. */
  public record Elevate(
      @Nullable List<String> environments,
      @Nullable List<String> services,
      @Nullable List<String> verbs,
      @Nullable String duration,
      @Nullable String reason) {}
}
