package dev.countersign.policy;

import dev.cel.runtime.CelVariableResolver;
import dev.countersign.directory.Agent;
import dev.countersign.directory.Human;
import dev.countersign.directory.Principal;
import dev.countersign.model.Action;
import dev.countersign.model.Analysis;
import dev.countersign.model.BlastRadius;
import dev.countersign.model.Change;
import dev.countersign.model.Finding;
import dev.countersign.model.ServiceImpact;
import dev.countersign.model.Verb;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The CEL variables for one decision, built once; every key the schema declares is present
 * (a missing map key is an error in CEL, not false). CEL ints are Java longs.
 */
final class Activation implements CelVariableResolver {
  private static final Map<String, Object> LEVELS =
      Map.of("junior", 1L, "mid", 2L, "senior", 3L, "staff", 4L, "principal", 5L);
  private static final Map<String, Object> NO_AGENT =
      Map.of("present", false, "id", "", "sponsor", "", "model", "");

  private final Map<String, Object> vars;

  private Activation(Map<String, Object> vars) {
    this.vars = vars;
  }

  /** Builds the variables of {@code input}. */
  static Activation of(DecisionInput input) {
    Map<String, Object> vars = HashMap.newHashMap(9);
    vars.put("change", change(input.change()));
    vars.put("analysis", analysis(input.analysis()));
    vars.put("author", person(input.author()));
    vars.put("agent", input.agent().map(Activation::agent).orElse(NO_AGENT));
    vars.put("actor", person(input.actor()));
    vars.put("levels", LEVELS);
    vars.put("now", input.now());
    vars.put("calendar", calendar(input));
    return new Activation(vars);
  }

  @Override
  public Optional<Object> find(String name) {
    return Optional.ofNullable(vars.get(name));
  }

  /** The variables with {@code approver} bound to {@code reviewer}, for an eligible expression. */
  CelVariableResolver withApprover(Map<String, Object> approver) {
    return name -> name.equals("approver") ? Optional.of(approver) : find(name);
  }

  /** The CEL value of a principal: humans carry level, rank and teams; others empty ones. */
  static Map<String, Object> person(Principal p) {
    if (p instanceof Human h) {
      return Map.of(
          "id", h.id(), "kind", h.kind(), "level", h.level().wire(), "rank", (long) h.level().rank(), "teams", h.teams());
    }
    return Map.of("id", p.id(), "kind", p.kind(), "level", "", "rank", 0L, "teams", List.of());
  }

  private static Map<String, Object> change(Change c) {
    return Map.of(
        "id", c.id(), "kind", c.kind().wire(), "environment", c.environment(), "services", c.services(),
        "aiAssisted", c.aiAssisted(), "byAgent", c.byAgent(), "title", c.title(), "digest", c.digest());
  }

  private static Map<String, Object> agent(Agent a) {
    return Map.of("present", true, "id", a.id(), "sponsor", a.sponsor(), "model", a.model());
  }

  private static Map<String, Object> calendar(DecisionInput input) {
    List<String> active = new ArrayList<>(0);
    for (FreezeWindow w : input.freezes()) {
      if (w.contains(input.now())) {
        active.add(w.name());
      }
    }
    return Map.of("inFreeze", !active.isEmpty(), "freezes", active);
  }

  private static Map<String, Object> analysis(Analysis a) {
    Map<String, Object> summary = HashMap.newHashMap(Verb.values().length);
    for (Verb v : Verb.values()) {
      summary.put(v.wire(), 0L);
    }
    List<Object> actions = new ArrayList<>(a.actions().size());
    boolean mutating = false;
    boolean destructive = false;
    boolean dataLoss = false;
    for (Action x : a.actions()) {
      summary.merge(x.verb().wire(), 1L, (p, q) -> (Long) p + (Long) q);
      mutating |= x.verb().mutating();
      destructive |= x.destructive();
      dataLoss |= x.dataLoss();
      actions.add(
          Map.of(
              "verb", x.verb().wire(), "resourceType", x.resourceType(), "address", x.address(),
              "service", x.service(), "stateful", x.stateful()));
    }
    List<Object> findings = new ArrayList<>(a.findings().size());
    List<String> codes = new ArrayList<>(a.findings().size());
    for (Finding f : a.findings()) {
      findings.add(
          Map.of("code", f.code(), "severity", f.severity().wire(), "message", f.message(), "address", f.address()));
      codes.add(f.code());
    }
    boolean recreate = codes.contains(Finding.RECREATE_ENVIRONMENT);
    Map<String, Object> m = HashMap.newHashMap(11);
    m.put("summary", summary);
    m.put("mutating", mutating);
    m.put("destructive", destructive);
    m.put("dataLoss", dataLoss);
    m.put("irreversible", dataLoss || recreate);
    m.put("recreateEnvironment", recreate);
    m.put("riskScore", (long) a.riskScore());
    m.put("findings", findings);
    m.put("findingCodes", codes);
    m.put("actions", actions);
    m.put("blastRadius", blastRadius(a.blastRadius()));
    return m;
  }

  private static Map<String, Object> blastRadius(BlastRadius b) {
    List<Object> services = new ArrayList<>(b.services().size());
    Set<String> owners = new LinkedHashSet<>();
    Set<String> touchedOwners = new LinkedHashSet<>();
    long tier1 = 0;
    long customerFacing = 0;
    for (ServiceImpact s : b.services()) {
      services.add(
          Map.of(
              "id", s.id(), "owner", s.owner(), "tier", (long) s.tier(),
              "customerFacing", s.customerFacing(), "direct", s.direct()));
      if (!s.owner().isEmpty()) {
        owners.add(s.owner());
        if (s.direct()) {
          touchedOwners.add(s.owner());
        }
      }
      tier1 += s.tier() == 1 ? 1 : 0;
      customerFacing += s.customerFacing() ? 1 : 0;
    }
    return Map.of(
        "services", services, "owners", List.copyOf(owners), "touchedOwners", List.copyOf(touchedOwners),
        "tier1Count", tier1, "customerFacingCount", customerFacing, "score", b.score());
  }
}
