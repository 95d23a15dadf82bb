package dev.countersign.analyze.cloudformation;

import dev.countersign.analyze.InputLimits;
import dev.countersign.digest.CanonicalJson;
import dev.countersign.model.Action;
import dev.countersign.model.Finding;
import dev.countersign.model.Severity;
import java.util.List;
import java.util.Map;

/**
 * Maps one entry of a change set's {@code Changes} to exactly one {@link Action} and the findings
 * it raises on its own; an entry that is not a resource change becomes a finding, never nothing.
 */
final class ResourceChangeMapper {

  static final String UNKNOWN_CHANGE_TYPE = "unknown-change-type";

  private ResourceChangeMapper() {}

  /** Maps the entry and adds what it yields to {@code facts}. */
  static void map(
      Object entry,
      Where where,
      List<String> lossyNumbers,
      InputLimits limits,
      ChangeSetFacts facts) {
    if (!(entry instanceof Map<?, ?> change)) {
      throw where.invalid("is not an object");
    }
    if (!(change.get("ResourceChange") instanceof Map<?, ?> rc)) {
      facts.add(notAResourceChange(change, where));
      return;
    }
    String action = required(rc, "Action", where);
    String logicalId = required(rc, "LogicalResourceId", where);
    String type = required(rc, "ResourceType", where);
    String physicalId = optional(rc, "PhysicalResourceId");
    ChangeAction mapped = ChangeAction.of(action, replacement(rc), optional(rc, "PolicyAction"));
    ResourceContexts contexts = ResourceContexts.of(rc, limits);
    Action result =
        new Action(
            mapped.verb(),
            type,
            logicalId,
            contexts.service(),
            StatefulTypes.isStateful(type),
            physicalId.isEmpty() ? mapped.sentence() : mapped.sentence() + " (" + physicalId + ")",
            ChangeHash.of(rc, contexts, lossyNumbers));
    facts.add(result, ChangeFindings.of(result, mapped, action, optional(rc, "ChangeSetId")));
  }

  /** An entry without a resource change (a hook invocation, say) is reported, not dropped. */
  private static Finding notAResourceChange(Map<?, ?> change, Where where) {
    if (!(change.get("Type") instanceof String type) || type.equals("Resource")) {
      throw where.invalid("has no ResourceChange object");
    }
    return new Finding(
        Severity.WARNING,
        UNKNOWN_CHANGE_TYPE,
        where.path()
            + " is a change of type '"
            + type
            + "', which Countersign does not analyse; a person should look at it.",
        "");
  }

  private static String required(Map<?, ?> rc, String key, Where where) {
    if (rc.get(key) instanceof String s && !s.isBlank()) {
      return s;
    }
    throw where.invalid("has no ResourceChange." + key + " string");
  }

  /** Absent is "": a value that is present but not a string counts as an unknown one. */
  private static String replacement(Map<?, ?> rc) {
    Object value = rc.get("Replacement");
    if (value == null || value == CanonicalJson.NULL) {
      return "";
    }
    return value instanceof String s ? s : "(not a string)";
  }

  private static String optional(Map<?, ?> rc, String key) {
    return rc.get(key) instanceof String s ? s : "";
  }
}
