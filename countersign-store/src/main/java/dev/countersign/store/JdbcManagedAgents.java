package dev.countersign.store;

import static java.util.Objects.requireNonNull;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Managed agents in {@code managed_agents} and their grants in {@code managed_agent_grants}. */
final class JdbcManagedAgents implements ManagedAgents {
  private static final String AGENT_COLUMNS = "id, sponsor, model, created_by, created_at";
  private static final String GRANT_COLUMNS =
      "id, agent_id, kind, environments, services, verbs, expires, duration_seconds, reason, state,"
          + " created_by, created_at, approved_by, approved_at, revoked_by, revoked_at";

  private final JdbcTx tx;
  private final IdSource ids;

  JdbcManagedAgents(JdbcTx tx, IdSource ids) {
    this.tx = tx;
    this.ids = ids;
  }

  @Override
  public void insert(ManagedAgentRecord a) {
    requireNonNull(a, "agent");
    Sql.call(
        "insert managed agent",
        () ->
            Sql.update(
                tx.writeConnection(),
                "INSERT INTO managed_agents (" + AGENT_COLUMNS + ") VALUES (?, ?, ?, ?, ?)",
                a.id(),
                a.sponsor(),
                a.model(),
                a.createdBy(),
                a.createdAt()));
  }

  @Override
  public Optional<ManagedAgentRecord> get(String id) {
    return Sql.call(
        "read managed agent",
        () ->
            Sql.one(
                tx.connection(),
                "SELECT " + AGENT_COLUMNS + " FROM managed_agents WHERE id = ?",
                JdbcManagedAgents::readAgent,
                id));
  }

  @Override
  public List<ManagedAgentRecord> list() {
    return Sql.call(
        "list managed agents",
        () ->
            Sql.list(
                tx.connection(),
                "SELECT " + AGENT_COLUMNS + " FROM managed_agents ORDER BY id",
                JdbcManagedAgents::readAgent));
  }

  @Override
  public String newGrantId() {
    return ids.next("gr_");
  }

  @Override
  public void insertGrant(AgentGrantRecord g) {
    requireNonNull(g, "grant");
    Sql.call(
        "insert agent grant",
        () ->
            Sql.update(
                tx.writeConnection(),
                "INSERT INTO managed_agent_grants ("
                    + GRANT_COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                g.id(),
                g.agentId(),
                g.kind(),
                String.join(",", g.environments()),
                String.join(",", g.services()),
                String.join(",", g.verbs()),
                g.expires().map(Sql::micros).orElse(null),
                g.duration().map(Duration::toSeconds).orElse(null),
                g.reason(),
                g.state(),
                g.createdBy(),
                g.createdAt(),
                g.approvedBy().orElse(null),
                g.approvedAt().orElse(null),
                g.revokedBy().orElse(null),
                g.revokedAt().orElse(null)));
  }

  @Override
  public Optional<AgentGrantRecord> grant(String id) {
    return Sql.call(
        "read agent grant",
        () ->
            Sql.one(
                tx.connection(),
                "SELECT " + GRANT_COLUMNS + " FROM managed_agent_grants WHERE id = ?",
                JdbcManagedAgents::readGrant,
                id));
  }

  @Override
  public Optional<AgentGrantRecord> grantForUpdate(String id) {
    return Sql.call(
        "lock agent grant",
        () ->
            Sql.one(
                tx.writeConnection(),
                "SELECT " + GRANT_COLUMNS + " FROM managed_agent_grants WHERE id = ? FOR UPDATE",
                JdbcManagedAgents::readGrant,
                id));
  }

  @Override
  public List<AgentGrantRecord> grants() {
    return Sql.call(
        "list agent grants",
        () ->
            Sql.list(
                tx.connection(),
                "SELECT " + GRANT_COLUMNS + " FROM managed_agent_grants"
                    + " ORDER BY agent_id, created_at, id",
                JdbcManagedAgents::readGrant));
  }

  @Override
  public List<AgentGrantRecord> grants(String agentId) {
    return Sql.call(
        "list agent grants",
        () ->
            Sql.list(
                tx.connection(),
                "SELECT " + GRANT_COLUMNS + " FROM managed_agent_grants WHERE agent_id = ?"
                    + " ORDER BY created_at, id",
                JdbcManagedAgents::readGrant,
                agentId));
  }

  @Override
  public boolean approve(String grantId, String approvedBy, Instant approvedAt, Instant expires) {
    requireNonNull(approvedBy, "approvedBy");
    requireNonNull(approvedAt, "approvedAt");
    requireNonNull(expires, "expires");
    return Sql.call(
            "approve agent grant",
            () ->
                Sql.update(
                    tx.writeConnection(),
                    "UPDATE managed_agent_grants SET state = 'active', approved_by = ?,"
                        + " approved_at = ?, expires = ? WHERE id = ? AND state = 'pending'",
                    approvedBy,
                    approvedAt,
                    expires,
                    grantId))
        > 0;
  }

  @Override
  public boolean revoke(String grantId, String revokedBy, Instant revokedAt) {
    requireNonNull(revokedBy, "revokedBy");
    requireNonNull(revokedAt, "revokedAt");
    return Sql.call(
            "revoke agent grant",
            () ->
                Sql.update(
                    tx.writeConnection(),
                    "UPDATE managed_agent_grants SET state = 'revoked', revoked_by = ?,"
                        + " revoked_at = ? WHERE id = ? AND state <> 'revoked'",
                    revokedBy,
                    revokedAt,
                    grantId))
        > 0;
  }

  private static ManagedAgentRecord readAgent(ResultSet rs) throws SQLException {
    return new ManagedAgentRecord(
        Sql.text(rs, "id"),
        Sql.text(rs, "sponsor"),
        Sql.text(rs, "model"),
        Sql.text(rs, "created_by"),
        Sql.instant(rs, "created_at"));
  }

  private static AgentGrantRecord readGrant(ResultSet rs) throws SQLException {
    long seconds = rs.getLong("duration_seconds");
    Optional<Duration> duration = rs.wasNull() ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
    return new AgentGrantRecord(
        Sql.text(rs, "id"),
        Sql.text(rs, "agent_id"),
        Sql.text(rs, "kind"),
        names(Sql.text(rs, "environments")),
        names(Sql.text(rs, "services")),
        names(Sql.text(rs, "verbs")),
        Sql.optionalInstant(rs, "expires"),
        duration,
        Sql.text(rs, "reason"),
        Sql.text(rs, "state"),
        Sql.text(rs, "created_by"),
        Sql.instant(rs, "created_at"),
        Optional.ofNullable(rs.getString("approved_by")),
        Sql.optionalInstant(rs, "approved_at"),
        Optional.ofNullable(rs.getString("revoked_by")),
        Sql.optionalInstant(rs, "revoked_at"));
  }

  private static List<String> names(String joined) {
    return joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
  }
}
