package dev.countersign.render;

import dev.countersign.model.Action;
import dev.countersign.model.Analysis;
import dev.countersign.model.Finding;
import dev.countersign.model.ServiceImpact;
import dev.countersign.model.Verb;
import dev.countersign.policy.Decision;
import dev.countersign.policy.MatchedRule;
import dev.countersign.policy.Requirement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The wire shapes of core values (DESIGN §4), as ordered maps that any JSON writer can emit.
 *
 * <p>One place for these shapes, so the CLI's {@code --json} and the HTTP API never disagree.
 */
public final class Views {
  private Views() {}

  /** The {@code analyze --json} shape of an analysis. */
  public static Map<String, Object> analysis(Analysis a, String digest) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("kind", a.kind().wire());
    m.put("digest", digest);
    m.put("summary", summary(a));
    m.put("mutating", a.mutating());
    m.put("destructive", a.destructive());
    m.put("dataLoss", a.dataLoss());
    m.put("irreversible", a.irreversible());
    m.put("recreateEnvironment", a.recreateEnvironment());
    m.put("riskScore", a.riskScore());
    m.put("actions", a.actions().stream().map(Views::action).toList());
    m.put("findings", a.findings().stream().map(Views::finding).toList());
    m.put("blastRadius", blastRadius(a));
    return m;
  }

  /** Count per verb, every verb present. */
  public static Map<String, Object> summary(Analysis a) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (Map.Entry<Verb, Integer> e : a.summary().entrySet()) {
      m.put(e.getKey().wire(), e.getValue());
    }
    return m;
  }

  /** One action. */
  public static Map<String, Object> action(Action a) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("verb", a.verb().wire());
    m.put("resourceType", a.resourceType());
    m.put("address", a.address());
    m.put("service", a.service());
    m.put("stateful", a.stateful());
    m.put("destructive", a.destructive());
    m.put("dataLoss", a.dataLoss());
    m.put("reason", a.reason());
    return m;
  }

  /** One finding. */
  public static Map<String, Object> finding(Finding f) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("severity", f.severity().wire());
    m.put("code", f.code());
    m.put("message", f.message());
    if (!f.address().isEmpty()) {
      m.put("address", f.address());
    }
    return m;
  }

  /** The blast radius with its counts and score. */
  public static Map<String, Object> blastRadius(Analysis a) {
    Map<String, Object> m = new LinkedHashMap<>();
    List<Map<String, Object>> services = new ArrayList<>();
    for (ServiceImpact s : a.blastRadius().services()) {
      Map<String, Object> sm = new LinkedHashMap<>();
      sm.put("id", s.id());
      sm.put("owner", s.owner());
      sm.put("tier", s.tier());
      sm.put("customerFacing", s.customerFacing());
      sm.put("direct", s.direct());
      services.add(sm);
    }
    m.put("services", services);
    m.put("owners", List.copyOf(a.blastRadius().owners()));
    m.put(
        "touchedOwners",
        a.blastRadius().services().stream().filter(ServiceImpact::direct).map(ServiceImpact::owner)
            .filter(o -> !o.isEmpty()).distinct().toList());
    m.put("tier1Count", a.blastRadius().tier1Count());
    m.put("customerFacingCount", a.blastRadius().customerFacingCount());
    m.put("score", a.blastRadius().score());
    return m;
  }

  /** The {@code check --json} shape of a decision. */
  public static Map<String, Object> decision(Decision d) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("decision", d.outcome().wire());
    m.put("digest", d.changeDigest());
    m.put("policyDigest", d.policyDigest());
    m.put("matched", d.matched().stream().map(Views::matched).toList());
    m.put("requirements", d.requirements().stream().map(Views::requirement).toList());
    m.put("reasons", d.reasons());
    return m;
  }

  private static Map<String, Object> matched(MatchedRule r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("rule", r.rule());
    m.put("effect", r.effect().wire());
    m.put("enforcement", r.enforcement().wire());
    m.put("message", r.message());
    return m;
  }

  private static Map<String, Object> requirement(Requirement r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("rule", r.rule());
    m.put("approvals", r.approvals());
    m.put("eligible", r.eligible());
    m.put("approvedBy", r.approvedBy());
    m.put("missing", r.missing());
    m.put("satisfied", r.satisfied());
    return m;
  }
}
