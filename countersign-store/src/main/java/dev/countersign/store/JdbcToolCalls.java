package dev.countersign.store;

import static java.util.Objects.requireNonNull;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Agent tool calls in the {@code agent_tool_calls} table. */
final class JdbcToolCalls implements ToolCalls {
  private static final String COLUMNS =
      "change_id, agent, input_digest, client, session_id, tool, permission_mode, created_at,"
          + " consumed_at";

  private final JdbcTx tx;

  JdbcToolCalls(JdbcTx tx) {
    this.tx = tx;
  }

  @Override
  public void insert(ToolCallRecord call) {
    requireNonNull(call, "call");
    Sql.call(
        "insert agent tool call",
        () ->
            Sql.update(
                tx.writeConnection(),
                "INSERT INTO agent_tool_calls (change_id, agent, input_digest, client, session_id,"
                    + " tool, permission_mode, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                call.changeId(),
                call.agent(),
                call.inputDigest(),
                call.client(),
                call.sessionId(),
                call.tool(),
                call.permissionMode(),
                call.createdAt()));
    call.consumedAt().ifPresent(at -> consume(call.changeId(), at));
  }

  @Override
  public Optional<ToolCallRecord> get(String changeId) {
    return Sql.call(
        "read agent tool call",
        () ->
            Sql.one(
                tx.connection(),
                "SELECT " + COLUMNS + " FROM agent_tool_calls WHERE change_id = ?",
                JdbcToolCalls::read,
                changeId));
  }

  @Override
  public List<ToolCallRecord> unconsumed(String agent, String inputDigest, int limit) {
    if (limit < 0) {
      throw new IllegalArgumentException("limit must not be negative, was " + limit);
    }
    return Sql.call(
        "list agent tool calls",
        () ->
            Sql.list(
                tx.connection(),
                "SELECT " + COLUMNS + " FROM agent_tool_calls"
                    + " WHERE agent = ? AND input_digest = ? AND consumed_at IS NULL"
                    + " ORDER BY created_at DESC, change_id DESC FETCH FIRST ? ROWS ONLY",
                JdbcToolCalls::read,
                agent,
                inputDigest,
                limit));
  }

  @Override
  public boolean consume(String changeId, Instant now) {
    requireNonNull(now, "now");
    return Sql.call(
            "consume agent tool call",
            () ->
                Sql.update(
                    tx.writeConnection(),
                    "UPDATE agent_tool_calls SET consumed_at = ?"
                        + " WHERE change_id = ? AND consumed_at IS NULL",
                    now,
                    changeId))
        > 0;
  }

  private static ToolCallRecord read(ResultSet rs) throws SQLException {
    return new ToolCallRecord(
        Sql.text(rs, "change_id"),
        Sql.text(rs, "agent"),
        Sql.text(rs, "input_digest"),
        Sql.text(rs, "client"),
        Sql.text(rs, "session_id"),
        Sql.text(rs, "tool"),
        Sql.text(rs, "permission_mode"),
        Sql.instant(rs, "created_at"),
        Sql.optionalInstant(rs, "consumed_at"));
  }
}
