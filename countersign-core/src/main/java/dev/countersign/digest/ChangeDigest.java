package dev.countersign.digest;

import dev.countersign.model.Action;
import dev.countersign.model.ChangeKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The semantic digest of a change: {@code sha256:} over the RFC 8785 form of what will happen.
 *
 * <p>It covers the kind, the target (environment and declared services, as a set) and the actions
 * (as a multiset, so their order does not matter) with their content hashes. It leaves out what does
 * not change the outcome: timestamps, tool versions, key order, whitespace, and the analyser's
 * wording ({@code reason}). Approvals bind to this digest, so a re-plan that does the same thing keeps
 * them and anything else drops them.
 */
public final class ChangeDigest {
  /** The prefix of every digest. */
  public static final String PREFIX = "sha256:";

  private ChangeDigest() {}

  /** Computes the digest of a change. */
  public static String of(
      ChangeKind kind, String environment, List<String> services, List<Action> actions) {
    return PREFIX + Digests.sha256Hex(canonicalForm(kind, environment, services, actions));
  }

  /** The canonical JSON the digest is taken over, for debugging and for verifiers. */
  public static String canonicalForm(
      ChangeKind kind, String environment, List<String> services, List<Action> actions) {
    List<String> encoded = new ArrayList<>(actions.size());
    for (Action a : actions) {
      encoded.add(CanonicalJson.write(actionValue(a)));
    }
    encoded.sort(String::compareTo);
    StringBuilder out = new StringBuilder(64 + encoded.size() * 160);
    out.append("{\"actions\":[");
    for (int i = 0; i < encoded.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      out.append(encoded.get(i));
    }
    out.append("],\"kind\":");
    CanonicalJson.write(kind.wire(), out);
    out.append(",\"target\":");
    Map<String, Object> target = new LinkedHashMap<>();
    target.put("environment", environment);
    target.put("services", List.copyOf(new TreeSet<>(services)));
    CanonicalJson.write(target, out);
    out.append('}');
    return out.toString();
  }

  private static Map<String, Object> actionValue(Action a) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("address", a.address());
    m.put("contentHash", a.contentHash());
    m.put("resourceType", a.resourceType());
    m.put("service", a.service());
    m.put("stateful", a.stateful());
    m.put("verb", a.verb().wire());
    return m;
  }
}
