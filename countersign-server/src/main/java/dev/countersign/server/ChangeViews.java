package dev.countersign.server;

import dev.countersign.model.Analysis;
import dev.countersign.policy.Decision;
import dev.countersign.render.Views;
import dev.countersign.store.ChangeRecord;
import dev.countersign.store.ReviewRecord;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON views of changes that the change endpoints answer with. */
final class ChangeViews {
  private ChangeViews() {}

  /** A change in full: its summary, the decision and state now, its analysis and its reviews. */
  static Map<String, Object> view(
      ChangeRecord rec, Analysis analysis, Decision decision, String state, List<ReviewRecord> reviews) {
    Map<String, Object> m = summaryView(rec);
    m.put("state", state);
    m.put("decision", Views.decision(decision));
    m.put("analysis", Views.analysis(analysis, rec.digest()));
    m.put("reviews", reviews.stream().map(ChangeViews::reviewView).toList());
    return m;
  }

  /** A change as listed: what it targets, who proposed it, and its stored state. */
  static Map<String, Object> summaryView(ChangeRecord rec) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", rec.id());
    m.put("digest", rec.digest());
    m.put("state", rec.state());
    m.put("kind", rec.kind());
    m.put("environment", rec.environment());
    m.put("services", rec.services());
    m.put("title", rec.title());
    m.put("author", rec.author());
    m.put("agent", rec.agent());
    m.put("aiAssisted", rec.aiAssisted());
    m.put("createdAt", rec.createdAt().toString());
    m.put("updatedAt", rec.updatedAt().toString());
    return m;
  }

  private static Map<String, Object> reviewView(ReviewRecord r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("reviewer", r.reviewer());
    m.put("verdict", r.verdict().wire());
    m.put("digest", r.digest());
    m.put("comment", r.comment());
    m.put("at", r.at().toString());
    return m;
  }
}
