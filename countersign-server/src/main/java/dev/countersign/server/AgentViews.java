package dev.countersign.server;

import dev.countersign.directory.Agent;
import dev.countersign.directory.Directory;
import dev.countersign.directory.EffectiveRights;
import dev.countersign.directory.Grant;
import dev.countersign.directory.Human;
import dev.countersign.directory.Rights;
import dev.countersign.model.Verb;
import dev.countersign.store.AgentGrantRecord;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The JSON views of agents' grants and effective rights that the agent endpoints answer with. */
final class AgentViews {
  private AgentViews() {}

  /** A stored grant or elevation with its state, who asked, approved or revoked it, and when. */
  static Map<String, Object> grantView(AgentGrantRecord g, Instant now) {
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

  /** A grant as the directory holds it (org.yaml's, or an effective one). */
  static Map<String, Object> plainGrant(Grant g, Instant now) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("environments", g.environments());
    m.put("services", g.services());
    m.put("verbs", g.verbs().stream().sorted().map(Verb::wire).toList());
    m.put("expires", g.expires().toString());
    m.put("expired", !g.activeAt(now));
    return m;
  }

  /** The agent's effective rights now: its grants ∩ its sponsor's, unbounded, or why it has none. */
  static List<Map<String, Object>> effective(String agentId, Directory dir, Instant now) {
    EffectiveRights rights = dir.find(agentId).map(p -> Rights.effective(p, dir))
        .orElse(new EffectiveRights.Refused(agentId, "it is not in the directory"));
    return switch (rights) {
      case EffectiveRights.Bounded b -> b.activeAt(now).stream().map(g -> plainGrant(g, now)).toList();
      case EffectiveRights.Unbounded u -> List.of(Map.of("unbounded", true));
      case EffectiveRights.Refused r -> List.of(Map.of("refused", r.reason()));
    };
  }

  /**
   * Empty when one of the sponsor's grants covers {@code grant} (or the sponsor is unbounded); else
   * a note that effective rights stay within the sponsor's.
   */
  static Optional<String> withinSponsor(Directory dir, Agent agent, Grant grant, Instant now) {
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
}
