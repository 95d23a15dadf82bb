package dev.countersign.policy;

import dev.cel.runtime.CelVariableResolver;
import dev.countersign.directory.Agent;
import dev.countersign.directory.Human;
import dev.countersign.directory.Level;
import dev.countersign.directory.Principal;
import dev.countersign.model.Action;
import dev.countersign.model.Analysis;
import dev.countersign.model.BlastRadius;
import dev.countersign.model.Change;
import dev.countersign.model.Finding;
import dev.countersign.model.ServiceImpact;
import dev.countersign.model.Severity;
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
 * (a missing map key is an error in CEL, not false). Structs are {@link CelRecord}s; CEL ints are
 * Java longs.
 */
final class Activation implements CelVariableResolver {
  private static final CelRecord LEVELS = new CelRecord(CelSchema.LEVELS,
      Map.of("junior", 1L, "mid", 2L, "senior", 3L, "staff", 4L, "principal", 5L));
  private static final CelRecord NO_AGENT = new CelRecord(CelSchema.AGENT,
      Map.of("present", false, "id", "", "sponsor", "", "model", ""));
  private static final CelRecord NO_TOOL = new CelRecord(CelSchema.TOOL,
      Map.of("present", false, "client", "", "name", "", "permissionMode", "", "sessionId", ""));

  private static final Verb[] VERBS = Verb.values();
  private static final String[] VERB_WORDS = words(VERBS, Verb::wire);
  private static final String[] LEVEL_WORDS = words(Level.values(), Level::wire);
  private static final String[] SEVERITY_WORDS = words(Severity.values(), Severity::wire);

  private final Map<String, Object> vars;

  private Activation(Map<String, Object> vars) {
    this.vars = vars;
  }

  /** Builds the variables of {@code input}. */
  static Activation of(DecisionInput input) {
    Map<String, Object> vars = HashMap.newHashMap(10);
    vars.put("change", change(input.change()));
    vars.put("analysis", analysis(input.analysis()));
    vars.put("author", person(input.author()));
    vars.put("agent", input.agent().map(Activation::agent).orElse(NO_AGENT));
    vars.put("actor", person(input.actor()));
    vars.put("levels", LEVELS);
    vars.put("now", input.now());
    vars.put("calendar", calendar(input));
    vars.put("tool", input.tool().map(Activation::tool).orElse(NO_TOOL));
    return new Activation(vars);
  }

  @Override
  public Optional<Object> find(String name) {
    return Optional.ofNullable(vars.get(name));
  }

  /** The variables with {@code approver} bound to {@code reviewer}, for an eligible expression. */
  CelVariableResolver withApprover(CelRecord approver) {
    return name -> name.equals("approver") ? Optional.of(approver) : find(name);
  }

  /** The CEL value of a principal: humans carry level, rank and teams; others empty ones. */
  static CelRecord person(Principal p) {
    if (p instanceof Human h) {
      return new CelRecord(CelSchema.PERSON, Map.of(
          "id", h.id(), "kind", h.kind(), "level", LEVEL_WORDS[h.level().ordinal()], "rank", (long) h.level().rank(), "teams", h.teams()));
    }
    return new CelRecord(CelSchema.PERSON,
        Map.of("id", p.id(), "kind", p.kind(), "level", "", "rank", 0L, "teams", List.of()));
  }

  private static CelRecord change(Change c) {
    return new CelRecord(CelSchema.CHANGE, Map.of(
        "id", c.id(), "kind", c.kind().wire(), "environment", c.environment(), "services", c.services(),
        "aiAssisted", c.aiAssisted(), "byAgent", c.byAgent(), "title", c.title(), "digest", c.digest()));
  }

  private static CelRecord agent(Agent a) {
    return new CelRecord(CelSchema.AGENT,
        Map.of("present", true, "id", a.id(), "sponsor", a.sponsor(), "model", a.model()));
  }

  private static CelRecord tool(ToolUse t) {
    return new CelRecord(CelSchema.TOOL, Map.of(
        "present", true, "client", t.client(), "name", t.name(), "permissionMode", t.permissionMode(),
        "sessionId", t.sessionId()));
  }

  private static CelRecord calendar(DecisionInput input) {
    List<String> active = new ArrayList<>(0);
    for (FreezeWindow w : input.freezes()) {
      if (w.contains(input.now())) {
        active.add(w.name());
      }
    }
    return new CelRecord(CelSchema.CALENDAR, Map.of("inFreeze", !active.isEmpty(), "freezes", active));
  }

  private static CelRecord analysis(Analysis a) {
    long[] counts = new long[VERBS.length];
    List<Object> actions = new ArrayList<>(a.actions().size());
    boolean mutating = false;
    boolean destructive = false;
    boolean dataLoss = false;
    for (Action x : a.actions()) {
      counts[x.verb().ordinal()]++;
      mutating |= x.verb().mutating();
      destructive |= x.destructive();
      dataLoss |= x.dataLoss();
      actions.add(new CelRecord(CelSchema.ACTION, Map.of(
          "verb", VERB_WORDS[x.verb().ordinal()], "resourceType", x.resourceType(), "address", x.address(),
          "service", x.service(), "stateful", x.stateful())));
    }
    Map<String, Object> summary = HashMap.newHashMap(VERBS.length);
    for (int i = 0; i < VERBS.length; i++) {
      summary.put(VERB_WORDS[i], counts[i]);
    }
    List<Object> findings = new ArrayList<>(a.findings().size());
    List<String> codes = new ArrayList<>(a.findings().size());
    for (Finding f : a.findings()) {
      findings.add(new CelRecord(CelSchema.FINDING, Map.of(
          "code", f.code(), "severity", SEVERITY_WORDS[f.severity().ordinal()], "message", f.message(), "address", f.address())));
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
    m.put("riskScore", new CelRecord.Lazy(() -> (long) a.riskScore()));
    m.put("findings", findings);
    m.put("findingCodes", codes);
    m.put("actions", actions);
    m.put("blastRadius", blastRadius(a.blastRadius()));
    return new CelRecord(CelSchema.ANALYSIS, m);
  }

  private static CelRecord blastRadius(BlastRadius b) {
    List<Object> services = new ArrayList<>(b.services().size());
    Set<String> owners = new LinkedHashSet<>();
    Set<String> touchedOwners = new LinkedHashSet<>();
    long tier1 = 0;
    long customerFacing = 0;
    for (ServiceImpact s : b.services()) {
      services.add(new CelRecord(CelSchema.SERVICE, Map.of(
          "id", s.id(), "owner", s.owner(), "tier", (long) s.tier(),
          "customerFacing", s.customerFacing(), "direct", s.direct())));
      if (!s.owner().isEmpty()) {
        owners.add(s.owner());
        if (s.direct()) {
          touchedOwners.add(s.owner());
        }
      }
      tier1 += s.tier() == 1 ? 1 : 0;
      customerFacing += s.customerFacing() ? 1 : 0;
    }
    return new CelRecord(CelSchema.BLAST_RADIUS, Map.of(
        "services", services, "owners", List.copyOf(owners), "touchedOwners", List.copyOf(touchedOwners),
        "tier1Count", tier1, "customerFacingCount", customerFacing, "score", b.score()));
  }

  private static <E> String[] words(E[] values, java.util.function.Function<E, String> wire) {
    String[] out = new String[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = wire.apply(values[i]);
    }
    return out;
  }
}
