package dev.countersign.server;

import static dev.countersign.server.AgentViews.effective;
import static dev.countersign.server.AgentViews.grantView;
import static dev.countersign.server.AgentViews.plainGrant;
import static dev.countersign.server.AgentViews.withinSponsor;

import dev.countersign.directory.Agent;
import dev.countersign.directory.Directory;
import dev.countersign.directory.Human;
import dev.countersign.directory.OperatorLevel;
import dev.countersign.directory.Principal;
import dev.countersign.directory.Rights;
import dev.countersign.store.AgentGrantRecord;
import dev.countersign.store.ManagedAgentRecord;
import dev.countersign.store.Store;
import dev.countersign.store.StoreException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Agents managed through the API next to those of org.yaml, and the effective directory (org.yaml ∪
 * managed agents) every decision reads.
 *
 * <ul>
 *   <li>Only humans manage agents; agent and service tokens get 403. Creating an agent, adding or
 *       revoking a grant needs the agent's sponsor or a human of level senior or above.
 *   <li>Grants are bounded like org.yaml's: operator-level grants are refused ({@link
 *       OperatorLevel}); a grant the sponsor does not hold is accepted, but effective rights stay
 *       the agent's grants ∩ the sponsor's ({@link Rights}), and the answer says so.
 *   <li>Just-in-time elevation ({@link AgentElevations}): the agent itself asks for a grant of at
 *       most {@link #MAX_ELEVATION}; it gives no rights until a senior or above other than the
 *       sponsor approves it.
 *   <li>Each write and its audit event commit in one transaction.
 * </ul>
 *
 * <p>{@link #directory()} is re-read from the store at most {@link #CACHE_FOR} after the last read,
 * and at once after any write through this service: a revocation takes effect on the next decision
 * on this node, and within {@link #CACHE_FOR} on other nodes. Expiry is checked against the clock
 * on every decision.
 */
public final class AgentService {
  /** The longest elevation an agent may ask for. */
  public static final Duration MAX_ELEVATION = AgentInput.MAX_ELEVATION;
  /** How long a read of the managed agents serves decisions on this node without a write. */
  public static final Duration CACHE_FOR = EffectiveDirectory.CACHE_FOR;

  private final Store store;
  private final EffectiveDirectory directory;
  private final AgentElevations elevations;
  private final InstantSource clock;
  private final JsonCodec json;

  /** Agents over {@code store}, next to the principals of {@code base} (org.yaml). */
  public AgentService(Store store, Directory base, InstantSource clock, JsonCodec json) {
    this(store, () -> base, clock, json);
  }

  /**
   * Agents over {@code store}, next to the principals {@code base} supplies now (org.yaml, which
   * may be reloaded: a new base counts from the next decision).
   */
  public AgentService(Store store, Supplier<Directory> base, InstantSource clock, JsonCodec json) {
    this.store = store;
    this.directory = new EffectiveDirectory(store, base);
    this.elevations = new AgentElevations(directory, clock, json);
    this.clock = clock;
    this.json = json;
  }

  /** The effective directory: org.yaml's principals and the managed agents with their grants. */
  public Directory directory() {
    return directory.current();
  }

  /** {@code GET /v1/agents}: every agent, from org.yaml and managed, with grants and effective rights. */
  public Map<String, Object> list(String callerId) {
    Directory dir = directory.current();
    AgentAccess.human(dir, callerId);
    Directory base = directory.base();
    Instant now = clock.instant();
    Map<String, List<AgentGrantRecord>> stored = new LinkedHashMap<>();
    Map<String, ManagedAgentRecord> managed = new LinkedHashMap<>();
    store.inTransaction(tx -> {
      tx.managedAgents().list().forEach(a -> managed.put(a.id(), a));
      tx.managedAgents().grants().forEach(g -> stored.computeIfAbsent(g.agentId(), k -> new ArrayList<>()).add(g));
    });
    List<Map<String, Object>> agents = new ArrayList<>();
    dir.all().stream()
        .filter(Agent.class::isInstance)
        .map(Agent.class::cast)
        .sorted(Comparator.comparing(Agent::id))
        .forEach(a -> {
          Map<String, Object> m = new LinkedHashMap<>();
          m.put("id", a.id());
          m.put("sponsor", a.sponsor());
          m.put("model", a.model());
          ManagedAgentRecord rec = managed.get(a.id());
          boolean fromApi = rec != null && base.find(a.id()).isEmpty();
          m.put("source", fromApi ? "api" : "org.yaml");
          if (fromApi) {
            m.put("createdBy", rec.createdBy());
            m.put("createdAt", rec.createdAt().toString());
            m.put("grants", stored.getOrDefault(a.id(), List.of()).stream().map(g -> grantView(g, now)).toList());
          } else {
            m.put("grants", a.grants().stream().map(g -> plainGrant(g, now)).toList());
          }
          m.put("effective", effective(a.id(), dir, now));
          agents.add(m);
        });
    return Map.of("agents", agents);
  }

  /** {@code POST /v1/agents}: creates an agent for a sponsor. */
  public Map<String, Object> create(String callerId, AgentRequests.Create request) {
    Directory dir = directory.current();
    Human caller = AgentAccess.human(dir, callerId);
    String id = AgentInput.name("id", request.id());
    String sponsorId = AgentInput.name("sponsor", request.sponsor());
    String model = AgentInput.model(request.model());
    Optional<Principal> existing = directory.base().find(id);
    if (existing.isPresent()) {
      throw ApiException.conflict("'" + id + "' is already a " + existing.get().kind() + " in org.yaml; pick another id");
    }
    if (dir.find(id).isPresent()) {
      throw ApiException.conflict("agent '" + id + "' already exists");
    }
    if (dir.human(sponsorId).isEmpty()) {
      throw ApiException.badRequest("sponsor '" + sponsorId + "' is not a human in the directory");
    }
    AgentAccess.mayManage(caller, sponsorId, "create an agent for sponsor " + sponsorId);
    Instant now = clock.instant();
    insertAgent(new ManagedAgentRecord(id, sponsorId, model, caller.id(), now));
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("id", id);
    view.put("sponsor", sponsorId);
    view.put("model", model);
    view.put("source", "api");
    view.put("createdBy", caller.id());
    view.put("createdAt", now.toString());
    view.put("grants", List.of());
    view.put("note", "the agent has no rights until it is granted some: countersign agent grant " + id + " …");
    return view;
  }

  private void insertAgent(ManagedAgentRecord rec) {
    try {
      directory.write(tx -> {
        if (tx.managedAgents().get(rec.id()).isPresent()) {
          throw ApiException.conflict("agent '" + rec.id() + "' already exists");
        }
        tx.managedAgents().insert(rec);
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("agent", rec.id());
        event.put("sponsor", rec.sponsor());
        event.put("model", rec.model());
        tx.audit().append("agent.created", rec.createdBy(), rec.id(), json.writeString(event), rec.createdAt());
        return rec;
      });
    } catch (StoreException e) {
      // Another node created the same id between our check and our insert.
      if (e.reason() == StoreException.Reason.DUPLICATE) {
        throw ApiException.conflict("agent '" + rec.id() + "' already exists");
      }
      throw e;
    }
  }

  /** {@code POST /v1/agents/{id}/grants}: gives a managed agent a grant, active at once. */
  public Map<String, Object> addGrant(String callerId, String agentId, AgentRequests.AddGrant request) {
    Directory dir = directory.current();
    Human caller = AgentAccess.human(dir, callerId);
    Agent agent = AgentAccess.managedAgent(dir, directory.base(), agentId);
    AgentAccess.mayManage(caller, agent.sponsor(), "grant rights to " + agentId);
    Instant now = clock.instant();
    Instant expires = AgentInput.instant("expires", request.expires());
    if (!expires.isAfter(now)) {
      throw ApiException.badRequest("expires must be in the future (now is " + now + ")");
    }
    AgentInput.RequestedGrant asked =
        AgentInput.grant(request.environments(), request.services(), request.verbs(), expires);
    String reason = AgentInput.reason(request.reason());
    AgentGrantRecord stored = directory.write(tx -> {
      AgentGrantRecord g = new AgentGrantRecord(
          tx.managedAgents().newGrantId(), agentId, AgentGrantRecord.GRANT, asked.environments(), asked.services(),
          asked.verbs(), Optional.of(expires), Optional.empty(), reason, AgentGrantRecord.ACTIVE, caller.id(), now,
          Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
      tx.managedAgents().insertGrant(g);
      tx.audit().append("agent.grant.added", caller.id(), agentId, json.writeString(grantView(g, now)), now);
      return g;
    });
    Map<String, Object> view = grantView(stored, now);
    withinSponsor(dir, agent, asked.grant(), now).ifPresent(note -> view.put("note", note));
    view.put("effective", effective(agentId, directory.current(), now));
    return view;
  }

  /** {@code DELETE /v1/agents/{id}/grants/{grantId}}: revokes a grant or an elevation. */
  public Map<String, Object> revoke(String callerId, String agentId, String grantId) {
    Directory dir = directory.current();
    Human caller = AgentAccess.human(dir, callerId);
    Agent agent = AgentAccess.managedAgent(dir, directory.base(), agentId);
    AgentAccess.mayManage(caller, agent.sponsor(), "revoke grants of " + agentId);
    Instant now = clock.instant();
    AgentGrantRecord revoked = directory.write(tx -> {
      AgentGrantRecord g = tx.managedAgents().grantForUpdate(grantId)
          .filter(r -> r.agentId().equals(agentId))
          .orElseThrow(() -> ApiException.notFound("agent " + agentId + " has no grant " + grantId));
      if (g.state().equals(AgentGrantRecord.REVOKED)) {
        throw ApiException.conflict("grant " + grantId + " is already revoked");
      }
      tx.managedAgents().revoke(grantId, caller.id(), now);
      Map<String, Object> event = new LinkedHashMap<>();
      event.put("agent", agentId);
      event.put("grant", grantId);
      event.put("previousState", g.state());
      tx.audit().append("agent.grant.revoked", caller.id(), agentId, json.writeString(event), now);
      return tx.managedAgents().grant(grantId).orElseThrow();
    });
    Map<String, Object> view = grantView(revoked, now);
    view.put("effective", effective(agentId, directory.current(), now));
    return view;
  }

  /** {@code POST /v1/agents/{id}/elevations}: the agent asks for a grant; pending until approved. */
  public Map<String, Object> elevate(String callerId, String agentId, AgentRequests.Elevate request) {
    return elevations.elevate(callerId, agentId, request);
  }

  /**
   * {@code POST /v1/agents/{id}/elevations/{grantId}/approve}: a human of level senior or above who
   * is not the agent's sponsor makes a pending elevation active for its duration from now.
   */
  public Map<String, Object> approveElevation(String callerId, String agentId, String grantId) {
    return elevations.approve(callerId, agentId, grantId);
  }
}
