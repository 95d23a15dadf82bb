package dev.countersign.server;

import dev.countersign.directory.Agent;
import dev.countersign.directory.Directory;
import dev.countersign.directory.EffectiveRights;
import dev.countersign.directory.Grant;
import dev.countersign.directory.Human;
import dev.countersign.directory.Level;
import dev.countersign.directory.OperatorLevel;
import dev.countersign.directory.Principal;
import dev.countersign.directory.Rights;
import dev.countersign.model.Verb;
import dev.countersign.store.AgentGrantRecord;
import dev.countersign.store.ManagedAgentRecord;
import dev.countersign.store.Store;
import dev.countersign.store.StoreException;
import dev.countersign.store.Tx;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.regex.Pattern;

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
 *   <li>Just-in-time elevation: the agent itself asks (agent token) for a grant with a reason and a
 *       duration of at most {@link #MAX_ELEVATION}; it is pending (no rights) until a human of level
 *       senior or above who is not the agent's sponsor approves it, and then lasts from the
 *       approval for that duration.
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
  public static final Duration MAX_ELEVATION = Duration.ofHours(8);
  /** How long a read of the managed agents serves decisions on this node without a write. */
  public static final Duration CACHE_FOR = Duration.ofSeconds(1);

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
  private static final int MAX_MODEL = 200;
  private static final int MAX_REASON = 500;
  private static final int MAX_NAMES = 50;

  private final Store store;
  private final Supplier<Directory> base;
  private final InstantSource clock;
  private final JsonCodec json;
  private final AtomicReference<Snapshot> cache = new AtomicReference<>();
  private final java.util.concurrent.atomic.AtomicLong writes = new java.util.concurrent.atomic.AtomicLong();

  private record Snapshot(Directory base, Directory directory, long readAtNanos) {}

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
    this.base = base;
    this.clock = clock;
    this.json = json;
  }

  /** The effective directory: org.yaml's principals and the managed agents with their grants. */
  public Directory directory() {
    Snapshot s = cache.get();
    Directory b = base.get();
    long now = System.nanoTime();
    if (s != null && s.base() == b && now - s.readAtNanos() < CACHE_FOR.toNanos()) {
      return s.directory();
    }
    long generation = writes.get();
    Directory fresh = store.transaction(tx -> read(tx, b));
    // A write that finished meanwhile may not be in this read: serve it, but do not keep it.
    if (writes.get() == generation) {
      cache.set(new Snapshot(b, fresh, now));
    }
    return fresh;
  }

  private static Directory read(Tx tx, Directory base) {
    List<Principal> all = new ArrayList<>(base.all());
    Map<String, List<Grant>> grants = new LinkedHashMap<>();
    for (AgentGrantRecord g : tx.managedAgents().grants()) {
      activeGrant(g).ifPresent(grant -> grants.computeIfAbsent(g.agentId(), k -> new ArrayList<>()).add(grant));
    }
    for (ManagedAgentRecord a : tx.managedAgents().list()) {
      // An id org.yaml defined later wins: org.yaml is the operators' file (creation refuses such ids).
      if (base.find(a.id()).isEmpty()) {
        all.add(new Agent(a.id(), a.sponsor(), a.model(), grants.getOrDefault(a.id(), List.of())));
      }
    }
    return Directory.of(all);
  }

  /** The rights a stored grant gives: only an active one with an expiry (expired ones explain). */
  private static Optional<Grant> activeGrant(AgentGrantRecord g) {
    if (!g.state().equals(AgentGrantRecord.ACTIVE) || g.expires().isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(toGrant(g.environments(), g.services(), g.verbs(), g.expires().get()));
  }

  private static Grant toGrant(List<String> environments, List<String> services, List<String> verbs, Instant expires) {
    Set<Verb> set = EnumSet.noneOf(Verb.class);
    verbs.forEach(v -> set.add(Verb.fromWire(v)));
    return new Grant(environments, services, set, expires);
  }

  private void invalidate() {
    writes.incrementAndGet();
    cache.set(null);
  }

  // ---- use cases ----------------------------------------------------------------------------

  /** {@code GET /v1/agents}: every agent, from org.yaml and managed, with grants and effective rights. */
  public Map<String, Object> list(String callerId) {
    Directory dir = directory();
    human(dir, callerId);
    Directory base = this.base.get();
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
          m.put("source", rec != null && base.find(a.id()).isEmpty() ? "api" : "org.yaml");
          if (rec != null && base.find(a.id()).isEmpty()) {
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
    Directory dir = directory();
    Human caller = human(dir, callerId);
    String id = name("id", request.id());
    String sponsorId = name("sponsor", request.sponsor());
    String model = request.model() == null ? "" : request.model().strip();
    if (model.isEmpty() || model.length() > MAX_MODEL) {
      throw ApiException.badRequest("model is required (at most " + MAX_MODEL + " characters), e.g. anthropic/claude-sonnet-4");
    }
    Optional<Principal> existing = base.get().find(id);
    if (existing.isPresent()) {
      throw ApiException.conflict("'" + id + "' is already a " + existing.get().kind() + " in org.yaml; pick another id");
    }
    if (dir.find(id).isPresent()) {
      throw ApiException.conflict("agent '" + id + "' already exists");
    }
    if (dir.human(sponsorId).isEmpty()) {
      throw ApiException.badRequest("sponsor '" + sponsorId + "' is not a human in the directory");
    }
    mayManage(caller, sponsorId, "create an agent for sponsor " + sponsorId);
    Instant now = clock.instant();
    ManagedAgentRecord rec = new ManagedAgentRecord(id, sponsorId, model, caller.id(), now);
    try {
      store.inTransaction(tx -> {
        if (tx.managedAgents().get(id).isPresent()) {
          throw ApiException.conflict("agent '" + id + "' already exists");
        }
        tx.managedAgents().insert(rec);
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("agent", id);
        event.put("sponsor", sponsorId);
        event.put("model", model);
        tx.audit().append("agent.created", caller.id(), id, json.writeString(event), now);
      });
    } catch (StoreException e) {
      if (e.reason() == StoreException.Reason.DUPLICATE) {
        throw ApiException.conflict("agent '" + id + "' already exists");
      }
      throw e;
    } finally {
      invalidate();
    }
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

  /** {@code POST /v1/agents/{id}/grants}: gives a managed agent a grant, active at once. */
  public Map<String, Object> addGrant(String callerId, String agentId, AgentRequests.AddGrant request) {
    Directory dir = directory();
    Human caller = human(dir, callerId);
    Agent agent = managedAgent(dir, agentId);
    mayManage(caller, agent.sponsor(), "grant rights to " + agentId);
    Instant now = clock.instant();
    Instant expires = instant("expires", request.expires());
    if (!expires.isAfter(now)) {
      throw ApiException.badRequest("expires must be in the future (now is " + now + ")");
    }
    Target t = target(request.environments(), request.services(), request.verbs(), expires);
    String reason = reason(request.reason());
    AgentGrantRecord[] stored = new AgentGrantRecord[1];
    try {
      store.inTransaction(tx -> {
        AgentGrantRecord g = new AgentGrantRecord(
            tx.managedAgents().newGrantId(), agentId, AgentGrantRecord.GRANT, t.environments(), t.services(),
            t.verbs(), Optional.of(expires), Optional.empty(), reason, AgentGrantRecord.ACTIVE, caller.id(), now,
            Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        tx.managedAgents().insertGrant(g);
        tx.audit().append("agent.grant.added", caller.id(), agentId, json.writeString(grantView(g, now)), now);
        stored[0] = g;
      });
    } finally {
      invalidate();
    }
    Map<String, Object> view = grantView(stored[0], now);
    withinSponsor(dir, agent, t.grant(), now).ifPresent(note -> view.put("note", note));
    view.put("effective", effective(agentId, directory(), now));
    return view;
  }

  /** {@code DELETE /v1/agents/{id}/grants/{grantId}}: revokes a grant or an elevation. */
  public Map<String, Object> revoke(String callerId, String agentId, String grantId) {
    Directory dir = directory();
    Human caller = human(dir, callerId);
    Agent agent = managedAgent(dir, agentId);
    mayManage(caller, agent.sponsor(), "revoke grants of " + agentId);
    Instant now = clock.instant();
    AgentGrantRecord revoked;
    try {
      revoked = store.transaction(tx -> {
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
    } finally {
      invalidate();
    }
    Map<String, Object> view = grantView(revoked, now);
    view.put("effective", effective(agentId, directory(), now));
    return view;
  }

  /** {@code POST /v1/agents/{id}/elevations}: the agent asks for a grant; pending until approved. */
  public Map<String, Object> elevate(String callerId, String agentId, AgentRequests.Elevate request) {
    Directory dir = directory();
    Principal caller = dir.find(callerId)
        .orElseThrow(() -> ApiException.forbidden("principal '" + callerId + "' is not in the directory any more"));
    if (!(caller instanceof Agent) || !caller.id().equals(agentId)) {
      throw ApiException.forbidden("only agent " + agentId + " itself (with its own token) may ask for its elevation; "
          + callerId + " is " + article(caller.kind()));
    }
    Agent agent = managedAgent(dir, agentId);
    Duration duration = duration(request.duration());
    Instant now = clock.instant();
    Target t = target(request.environments(), request.services(), request.verbs(), now.plus(duration));
    String reason = reason(request.reason());
    AgentGrantRecord[] stored = new AgentGrantRecord[1];
    try {
      store.inTransaction(tx -> {
        AgentGrantRecord g = new AgentGrantRecord(
            tx.managedAgents().newGrantId(), agentId, AgentGrantRecord.ELEVATION, t.environments(), t.services(),
            t.verbs(), Optional.empty(), Optional.of(duration), reason, AgentGrantRecord.PENDING, agentId, now,
            Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        tx.managedAgents().insertGrant(g);
        tx.audit().append("agent.elevation.requested", agentId, agentId, json.writeString(grantView(g, now)), now);
        stored[0] = g;
      });
    } finally {
      invalidate();
    }
    Map<String, Object> view = grantView(stored[0], now);
    view.put("note", "pending: gives no rights until a human of level senior or above, other than sponsor "
        + agent.sponsor() + ", approves it: countersign agent approve-elevation " + agentId + " " + stored[0].id());
    return view;
  }

  /**
   * {@code POST /v1/agents/{id}/elevations/{grantId}/approve}: a human of level senior or above who
   * is not the agent's sponsor makes a pending elevation active for its duration from now.
   */
  public Map<String, Object> approveElevation(String callerId, String agentId, String grantId) {
    Directory dir = directory();
    Human caller = human(dir, callerId);
    Agent agent = managedAgent(dir, agentId);
    if (!caller.level().atLeast(Level.SENIOR)) {
      throw ApiException.forbidden(caller.id() + " is " + caller.level().wire()
          + "; approving an elevation needs a human of level senior or above");
    }
    if (caller.id().equals(agent.sponsor())) {
      throw ApiException.forbidden(caller.id() + " sponsors " + agentId
          + "; an elevation needs a second pair of eyes: a senior or above other than the sponsor");
    }
    Instant now = clock.instant();
    AgentGrantRecord approved;
    try {
      approved = store.transaction(tx -> {
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
    } finally {
      invalidate();
    }
    Map<String, Object> view = grantView(approved, now);
    withinSponsor(dir, agent, activeGrant(approved).orElseThrow(), now).ifPresent(note -> view.put("note", note));
    view.put("effective", effective(agentId, directory(), now));
    return view;
  }

  // ---- checks and views -----------------------------------------------------------------------

  private static Human human(Directory dir, String callerId) {
    Principal p = dir.find(callerId)
        .orElseThrow(() -> ApiException.forbidden("principal '" + callerId + "' is not in the directory any more"));
    if (!(p instanceof Human h)) {
      throw ApiException.forbidden("only humans manage agents; " + callerId + " is " + article(p.kind()));
    }
    return h;
  }

  private static String article(String kind) {
    return (kind.startsWith("a") ? "an " : "a ") + kind;
  }

  private static void mayManage(Human caller, String sponsor, String what) {
    if (!caller.id().equals(sponsor) && !caller.level().atLeast(Level.SENIOR)) {
      throw ApiException.forbidden(caller.id() + " may not " + what
          + ": only the sponsor or a human of level senior or above may");
    }
  }

  private Agent managedAgent(Directory dir, String agentId) {
    if (base.get().agent(agentId).isPresent()) {
      throw ApiException.conflict("agent " + agentId + " is defined in org.yaml; change its grants there");
    }
    return dir.agent(agentId).orElseThrow(() -> ApiException.notFound("no agent " + agentId));
  }

  private static String name(String field, String value) {
    if (value == null || !NAME.matcher(value).matches()) {
      throw ApiException.badRequest(field + " is required: letters, digits, '.', '_' or '-', at most 64 characters");
    }
    return value;
  }

  private static String reason(String value) {
    String r = value == null ? "" : value.strip();
    if (r.isEmpty() || r.length() > MAX_REASON) {
      throw ApiException.badRequest("reason is required (at most " + MAX_REASON + " characters): say why the agent needs it");
    }
    return r;
  }

  private static Instant instant(String field, String value) {
    if (value == null) {
      throw ApiException.badRequest(field + " is required: an ISO-8601 instant such as 2026-12-01T00:00:00Z (a grant without expiry is operator-level)");
    }
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw ApiException.badRequest(field + " must be an ISO-8601 instant such as 2026-12-01T00:00:00Z, not '" + value + "'");
    }
  }

  private static Duration duration(String value) {
    if (value == null) {
      throw ApiException.badRequest("duration is required: ISO-8601, e.g. PT2H (at most " + MAX_ELEVATION + ")");
    }
    Duration d;
    try {
      d = Duration.parse(value);
    } catch (DateTimeParseException e) {
      throw ApiException.badRequest("duration must be ISO-8601 such as PT2H, not '" + value + "'");
    }
    if (d.isNegative() || d.isZero() || d.compareTo(MAX_ELEVATION) > 0) {
      throw ApiException.badRequest("duration must be positive and at most " + MAX_ELEVATION + ", was " + value);
    }
    return d;
  }

  /** A validated grant target. */
  private record Target(List<String> environments, List<String> services, List<String> verbs, Grant grant) {}

  private static Target target(List<String> environments, List<String> services, List<String> verbs, Instant expires) {
    List<String> envs = names("environments", environments);
    List<String> svcs = names("services", services);
    if (verbs == null || verbs.isEmpty()) {
      throw ApiException.badRequest("verbs is required: some of create, read, update, delete, replace, noop, exec");
    }
    Set<Verb> set = EnumSet.noneOf(Verb.class);
    for (String v : verbs) {
      try {
        set.add(Verb.fromWire(v == null ? "" : v));
      } catch (IllegalArgumentException e) {
        throw ApiException.badRequest(e.getMessage());
      }
    }
    Grant grant = new Grant(envs, svcs, set, expires);
    OperatorLevel.check(grant).ifPresent(why -> {
      throw ApiException.badRequest(why);
    });
    return new Target(envs, svcs, set.stream().map(Verb::wire).toList(), grant);
  }

  private static List<String> names(String field, List<String> values) {
    if (values == null || values.isEmpty() || values.size() > MAX_NAMES) {
      throw ApiException.badRequest(field + " is required: 1 to " + MAX_NAMES + " names, or [\"*\"] for every one");
    }
    for (String v : values) {
      if (v == null || !(v.equals(Grant.ANY) || NAME.matcher(v).matches())) {
        throw ApiException.badRequest(field + " holds '" + v + "': a name is letters, digits, '.', '_' or '-', or \"*\"");
      }
    }
    return values.stream().distinct().toList();
  }

  /**
   * Empty when one of the sponsor's grants covers {@code grant} (or the sponsor is unbounded); else
   * a note that effective rights stay within the sponsor's.
   */
  private static Optional<String> withinSponsor(Directory dir, Agent agent, Grant grant, Instant now) {
    Optional<Human> sponsor = dir.human(agent.sponsor());
    if (sponsor.isEmpty()) {
      return Optional.of("sponsor " + agent.sponsor() + " is not in the directory: the agent has no rights at all");
    }
    if (sponsor.get().grants().isEmpty()) {
      return Optional.empty();
    }
    boolean covered = sponsor.get().grants().stream().anyMatch(s -> s.activeAt(now)
        && covers(s.environments(), grant.environments())
        && covers(s.services(), grant.services())
        && s.verbs().containsAll(grant.verbs())
        && !s.expires().isBefore(grant.expires()));
    return covered
        ? Optional.empty()
        : Optional.of("accepted, but sponsor " + agent.sponsor() + " does not hold all of it: the agent's"
            + " effective rights are its grants ∩ " + agent.sponsor() + "'s (see effective)");
  }

  private static boolean covers(List<String> outer, List<String> inner) {
    return outer.contains(Grant.ANY) || (!inner.contains(Grant.ANY) && outer.containsAll(inner));
  }

  private static List<Map<String, Object>> effective(String agentId, Directory dir, Instant now) {
    EffectiveRights rights = dir.find(agentId).map(p -> Rights.effective(p, dir))
        .orElse(new EffectiveRights.Refused(agentId, "it is not in the directory"));
    return switch (rights) {
      case EffectiveRights.Bounded b -> b.activeAt(now).stream().map(g -> plainGrant(g, now)).toList();
      case EffectiveRights.Unbounded u -> List.of(Map.of("unbounded", true));
      case EffectiveRights.Refused r -> List.of(Map.of("refused", r.reason()));
    };
  }

  private static Map<String, Object> plainGrant(Grant g, Instant now) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("environments", g.environments());
    m.put("services", g.services());
    m.put("verbs", g.verbs().stream().sorted().map(Verb::wire).toList());
    m.put("expires", g.expires().toString());
    m.put("expired", !g.activeAt(now));
    return m;
  }

  private static Map<String, Object> grantView(AgentGrantRecord g, Instant now) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", g.id());
    m.put("agent", g.agentId());
    m.put("kind", g.kind());
    m.put("state", g.state());
    m.put("environments", g.environments());
    m.put("services", g.services());
    m.put("verbs", g.verbs());
    g.expires().ifPresent(e -> {
      m.put("expires", e.toString());
      m.put("expired", !now.isBefore(e));
    });
    g.duration().ifPresent(d -> m.put("duration", d.toString()));
    m.put("reason", g.reason());
    m.put("createdBy", g.createdBy());
    m.put("createdAt", g.createdAt().toString());
    g.approvedBy().ifPresent(a -> m.put("approvedBy", a));
    g.approvedAt().ifPresent(a -> m.put("approvedAt", a.toString()));
    g.revokedBy().ifPresent(a -> m.put("revokedBy", a));
    g.revokedAt().ifPresent(a -> m.put("revokedAt", a.toString()));
    return m;
  }
}
