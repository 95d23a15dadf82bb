package dev.countersign.analyze.terraform;

import dev.countersign.analyze.AnalysisException;
import dev.countersign.analyze.AnalysisException.Problem;
import dev.countersign.digest.CanonicalJson;
import dev.countersign.model.Action;
import dev.countersign.model.Finding;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps one entry of a plan's {@code resource_changes} to exactly one {@link Action} and the
 * findings it raises on its own.
 *
 * <p>The action's content hash covers what the entry will do: {@code actions}, {@code before},
 * {@code after}, {@code after_unknown} and {@code replace_paths}, plus, when present, {@code
 * deposed}, {@code previous_address}, {@code importing}, the sensitivity masks, {@code
 * provider_name} and the exact text of numbers a double cannot hold. It never covers the plan's
 * timestamp, tool version, prior state or configuration.
 */
final class ResourceChangeMapper {

  private static final List<String> HASHED =
      List.of("actions", "before", "after", "after_unknown", "replace_paths");
  private static final List<String> HASHED_WHEN_PRESENT =
      List.of("importing", "before_sensitive", "after_sensitive");

  private ResourceChangeMapper() {}

  /** One action with the findings it raises. */
  record Mapped(Action action, List<Finding> findings) {}

  /** Maps the entry at {@code index}, which starts at {@code line} of the plan. */
  static Mapped map(Object entry, int index, long line, List<String> lossyNumbers) {
    String where = "resource_changes[" + index + "]";
    if (!(entry instanceof Map<?, ?> rc)) {
      throw invalid(where + " is not an object", line);
    }
    String address = requiredString(rc, "address", where, line);
    where = where + " (" + address + ")";
    String type = requiredString(rc, "type", where, line);
    if (!(rc.get("change") instanceof Map<?, ?> change)) {
      throw invalid(where + " has no change object", line);
    }
    List<String> words = actionWords(change.get("actions"), where, line);
    PlanAction planAction = PlanAction.of(words);
    boolean dataSource = "data".equals(rc.get("mode"));
    String reason =
        rc.get("action_reason") instanceof String r && !r.isBlank()
            ? r
            : planAction.sentence(dataSource, words);
    if (rc.get("deposed") instanceof String deposed) {
      reason = reason + " (deposed object " + deposed + ")";
    }
    Action action =
        new Action(
            planAction.verb(),
            type,
            address,
            ServiceTags.service(change.get("after"), change.get("before")),
            StatefulResources.isStateful(type),
            reason,
            contentHash(rc, change, lossyNumbers));
    return new Mapped(action, ChangeFindings.of(action, planAction, change.get("replace_paths")));
  }

  private static String contentHash(Map<?, ?> rc, Map<?, ?> change, List<String> lossyNumbers) {
    Map<String, Object> hashed = new LinkedHashMap<>();
    for (String key : HASHED) {
      Object v = change.get(key);
      hashed.put(key, v == null ? CanonicalJson.NULL : v);
    }
    for (String key : HASHED_WHEN_PRESENT) {
      if (change.get(key) != null) {
        hashed.put(key, change.get(key));
      }
    }
    for (String key : List.of("deposed", "previous_address", "provider_name")) {
      if (rc.get(key) != null) {
        hashed.put(key, rc.get(key));
      }
    }
    if (!lossyNumbers.isEmpty()) {
      hashed.put("exact_numbers", List.copyOf(lossyNumbers));
    }
    return CanonicalJson.sha256Hex(hashed);
  }

  private static List<String> actionWords(Object actions, String where, long line) {
    if (!(actions instanceof List<?> list)) {
      throw invalid(where + " has no change.actions list", line);
    }
    List<String> words = new ArrayList<>(list.size());
    for (Object o : list) {
      if (!(o instanceof String s)) {
        throw invalid(where + " has a change.actions entry that is not a string", line);
      }
      words.add(s);
    }
    return words;
  }

  private static String requiredString(Map<?, ?> map, String key, String where, long line) {
    if (map.get(key) instanceof String s && !s.isEmpty()) {
      return s;
    }
    throw invalid(where + " has no \"" + key + "\" string", line);
  }

  private static AnalysisException invalid(String message, long line) {
    return AnalysisException.at(Problem.INVALID_STRUCTURE, message, line, 1, null);
  }
}
