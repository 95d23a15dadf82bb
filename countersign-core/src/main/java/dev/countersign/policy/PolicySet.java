package dev.countersign.policy;

import dev.countersign.digest.CanonicalJson;
import dev.countersign.digest.Digests;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An ordered list of rules and its digest: {@code sha256:} over the RFC 8785 canonical JSON of the
 * rules' source text (names, descriptions, expressions, effects, messages, groups; not positions).
 *
 * <p>Two sets with the same digest decide identically, so the digest versions decisions and keys
 * the compiled-program cache.
 */
public record PolicySet(List<Rule> rules, String digest) {

  public PolicySet {
    rules = List.copyOf(rules);
    if (!digest.equals(digestOf(rules))) {
      throw new IllegalArgumentException("digest does not match the rules; use PolicySet.of");
    }
  }

  /** Builds a set from rules in evaluation order; rule names must be unique. */
  public static PolicySet of(List<Rule> rules) {
    Map<String, Rule> seen = new HashMap<>();
    for (Rule r : rules) {
      Rule earlier = seen.putIfAbsent(r.name(), r);
      if (earlier != null) {
        throw new PolicyException(
            r.position() + ": duplicate rule name '" + r.name() + "' (first defined at " + earlier.position() + ")");
      }
    }
    return new PolicySet(rules, digestOf(rules));
  }

  /** The canonical JSON the digest is computed over. */
  public static String canonicalForm(List<Rule> rules) {
    List<Object> out = new ArrayList<>(rules.size());
    for (Rule r : rules) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("name", r.name());
      m.put("description", r.description());
      m.put("match", r.match().text());
      m.put("effect", r.effect().wire());
      m.put("enforcement", r.enforcement().wire());
      m.put("message", r.message());
      List<Object> groups = new ArrayList<>();
      for (ApprovalGroup g : r.requires()) {
        groups.add(
            Map.of("approvals", g.approvals(), "eligible", g.eligible().text(), "description", g.description()));
      }
      m.put("requires", groups);
      out.add(m);
    }
    return CanonicalJson.write(out);
  }

  private static String digestOf(List<Rule> rules) {
    return "sha256:" + Digests.sha256Hex(canonicalForm(rules));
  }
}
