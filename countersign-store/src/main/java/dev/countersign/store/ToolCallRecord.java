package dev.countersign.store;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;

/**
 * An agent tool call that a hook recorded as a pending change, and whether its approval was used.
 *
 * @param changeId the change it was recorded as
 * @param agent the agent that asked
 * @param inputDigest {@code sha256:} over what the call would run (tool and effective input)
 * @param client the agent client, e.g. {@code claude-code}
 * @param sessionId the client's session id, or empty
 * @param tool the tool name, e.g. {@code Bash}
 * @param permissionMode the client's permission mode, or empty
 * @param createdAt when it was recorded (stored to microseconds)
 * @param consumedAt when its approval let one retry through (or a reject was reported), if so
 */
public record ToolCallRecord(
    String changeId,
    String agent,
    String inputDigest,
    String client,
    String sessionId,
    String tool,
    String permissionMode,
    Instant createdAt,
    Optional<Instant> consumedAt) {
  public ToolCallRecord {
    requireNonNull(changeId, "changeId");
    requireNonNull(agent, "agent");
    requireNonNull(inputDigest, "inputDigest");
    requireNonNull(client, "client");
    requireNonNull(sessionId, "sessionId");
    requireNonNull(tool, "tool");
    requireNonNull(permissionMode, "permissionMode");
    requireNonNull(createdAt, "createdAt");
    requireNonNull(consumedAt, "consumedAt");
  }
}
