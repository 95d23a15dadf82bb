package dev.countersign.server;

import static dev.countersign.server.AgentViews.effective;
import static dev.countersign.server.AgentViews.grantView;
import static dev.countersign.server.AgentViews.withinSponsor;

import dev.countersign.directory.Agent;
import dev.countersign.directory.Directory;
import dev.countersign.directory.Human;
import dev.countersign.directory.Level;
import dev.countersign.directory.Principal;
import dev.countersign.store.AgentGrantRecord;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.Optional;

/**
 * Just-in-time elevation of a managed agent: the agent itself asks (agent token) for a grant with a
 * reason and a duration of at most {@link AgentInput#MAX_ELEVATION}; it gives no rights until a
 * human of level senior or above who is not the agent's sponsor approves it, and then lasts from the
 * approval for that duration (a second pair of eyes on rights the sponsor did not give).
 */
final class AgentElevations {
  private final EffectiveDirectory directory;
  private final InstantSource clock;
  private final JsonCodec json;

  AgentElevations(EffectiveDirectory directory, InstantSource clock, JsonCodec json) {
    this.directory = directory;
    this.clock = clock;
    this.json = json;
  }

  /** {@code POST /v1/agents/{id}/elevations}: the agent asks for a grant; pending until approved. */
  Map<String, Object> elevate(String callerId, String agentId, AgentRequests.Elevate request) {
    Directory dir = directory.current();
    Principal caller = AgentAccess.principal(dir, callerId);
    if (!(caller instanceof Agent) || !caller.id().equals(agentId)) {
      throw ApiException.forbidden("only agent " + agentId + " itself (with its own token) may ask for its elevation; "
          + callerId + " is " + AgentAccess.article(caller.kind()));
    }
    Agent agent = AgentAccess.managedAgent(dir, directory.base(), agentId);
    Duration duration = AgentInput.elevationDuration(request.duration());
    Instant now = clock.instant();
    AgentInput.RequestedGrant asked =
        AgentInput.grant(request.environments(), request.services(), request.verbs(), now.plus(duration));
    String reason = AgentInput.reason(request.reason());
    AgentGrantRecord stored = directory.write(tx -> {
      AgentGrantRecord g = new AgentGrantRecord(
          tx.managedAgents().newGrantId(), agentId, AgentGrantRecord.ELEVATION, asked.environments(),
          asked.services(), asked.verbs(), Optional.empty(), Optional.of(duration), reason,
          AgentGrantRecord.PENDING, agentId, now, Optional.empty(), Optional.empty(), Optional.empty(),
          Optional.empty());
      tx.managedAgents().insertGrant(g);
      tx.audit().append("agent.elevation.requested", agentId, agentId, json.writeString(grantView(g, now)), now);
      return g;
    });
    Map<String, Object> view = grantView(stored, now);
    view.put("note", "pending: gives no rights until a human of level senior or above, other than sponsor "
        + agent.sponsor() + ", approves it: countersign agent approve-elevation " + agentId + " " + stored.id());
    return view;
  }

  /**
   * {@code POST /v1/agents/{id}/elevations/{grantId}/approve}: a human of level senior or above who
   * is not the agent's sponsor makes a pending elevation active for its duration from now.
   */
  Map<String, Object> approve(String callerId, String agentId, String grantId) {
    Directory dir = directory.current();
    Human caller = AgentAccess.human(dir, callerId);
    Agent agent = AgentAccess.managedAgent(dir, directory.base(), agentId);
    mayApprove(caller, agent);
    Instant now = clock.instant();
    AgentGrantRecord approved = directory.write(tx -> {
      AgentGrantRecord g = tx.managedAgents().grantForUpdate(grantId)
          .filter(r -> r.agentId().equals(agentId) && r.kind().equals(AgentGrantRecord.ELEVATION))
          .orElseThrow(() -> ApiException.notFound("agent " + agentId + " has no elevation " + grantId));
      if (!g.state().equals(AgentGrantRecord.PENDING)) {
        throw ApiException.conflict("elevation " + grantId + " is " + g.state() + ", not pending");
      }
      Instant expires = now.plus(g.duration().orElseThrow());
      tx.managedAgents().approve(grantId, caller.id(), now, expires);
      AgentGrantRecord after = tx.managedAgents().grant(grantId).orElseThrow();
      tx.audit().append("agent.elevation.approved", caller.id(), agentId, json.writeString(grantView(after, now)), now);
      return after;
    });
    Map<String, Object> view = grantView(approved, now);
    withinSponsor(dir, agent, EffectiveDirectory.activeGrant(approved).orElseThrow(), now)
        .ifPresent(note -> view.put("note", note));
    view.put("effective", effective(agentId, directory.current(), now));
    return view;
  }

  private static void mayApprove(Human caller, Agent agent) {
    if (!caller.level().atLeast(Level.SENIOR)) {
      throw ApiException.forbidden(caller.id() + " is " + caller.level().wire()
          + "; approving an elevation needs a human of level senior or above");
    }
    if (caller.id().equals(agent.sponsor())) {
      throw ApiException.forbidden(caller.id() + " sponsors " + agent.id()
          + "; an elevation needs a second pair of eyes: a senior or above other than the sponsor");
    }
  }
}
