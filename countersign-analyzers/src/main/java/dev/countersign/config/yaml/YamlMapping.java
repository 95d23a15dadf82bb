package dev.countersign.config.yaml;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A YAML mapping with string keys, in document order, and strict readers for its fields. A field
 * whose value is a YAML null counts as absent. Every reader throws {@link ConfigException} naming
 * the field and its position.
 */
public record YamlMapping(Origin origin, Map<String, YamlNode> values, Map<String, Origin> keys)
    implements YamlNode {

  public YamlMapping {
    requireNonNull(origin, "origin");
    values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    keys = Collections.unmodifiableMap(new LinkedHashMap<>(keys));
  }

  @Override
  public String describe() {
    return "a mapping";
  }

  /** Refuses any key not in {@code fields}: "unknown field 'x' (expected one of a, b, c)". */
  public YamlMapping allowOnly(String... fields) {
    List<String> allowed = List.of(fields);
    for (Map.Entry<String, Origin> key : keys.entrySet()) {
      if (!allowed.contains(key.getKey())) {
        throw new ConfigException(
            key.getValue(),
            "unknown field "
                + ConfigException.quote(key.getKey())
                + " (expected one of "
                + String.join(", ", allowed)
                + ")");
      }
    }
    return this;
  }

  /** Whether the field is present with a non-null value. */
  public boolean has(String field) {
    return optional(field).isPresent();
  }

  /** The field's node, or empty when it is absent or null. */
  public Optional<YamlNode> optional(String field) {
    YamlNode node = values.get(field);
    if (node == null || (node instanceof YamlScalar s && s.isNull())) {
      return Optional.empty();
    }
    return Optional.of(node);
  }

  /** The field's node; an error when it is absent or null. */
  public YamlNode required(String field) {
    YamlNode node = values.get(field);
    if (node == null) {
      throw missing(field);
    }
    if (node instanceof YamlScalar s && s.isNull()) {
      throw node.error("a value is required here");
    }
    return node;
  }

  /** An error about an absent field, positioned at this mapping. */
  public ConfigException missing(String field) {
    return missing(field, "required field is missing");
  }

  /**
   * An error about an absent or null field with a specific problem, positioned where it belongs.
   */
  public ConfigException missing(String field, String problem) {
    YamlNode node = values.get(field);
    return node != null
        ? node.error(problem)
        : new ConfigException(origin.withPath(origin.childPath(field)), problem);
  }

  /** A required, non-empty string field. */
  public String string(String field) {
    return required(field).asScalar().requiredString();
  }

  /** An optional string field; when present it must not be empty. */
  public Optional<String> optionalString(String field) {
    return optional(field).map(n -> n.asScalar().requiredString());
  }

  /** A required whole-number field. */
  public int integer(String field) {
    return required(field).asScalar().asInt();
  }

  /** An optional whole-number field. */
  public Optional<Integer> optionalInteger(String field) {
    return optional(field).map(n -> n.asScalar().asInt());
  }

  /** A boolean field, {@code orElse} when absent. */
  public boolean bool(String field, boolean orElse) {
    return optional(field).map(n -> n.asScalar().asBool()).orElse(orElse);
  }

  /** A required ISO-8601 instant field such as {@code 2027-06-30T00:00:00Z}. */
  public Instant instant(String field) {
    return required(field).asScalar().asInstant();
  }

  /** An optional ISO-8601 instant field. */
  public Optional<Instant> optionalInstant(String field) {
    return optional(field).map(n -> n.asScalar().asInstant());
  }

  /** A required enum word (the lower-case constant name); {@code what} names it in errors. */
  public <E extends Enum<E>> E enumValue(String field, Class<E> type, String what) {
    return required(field).asScalar().asEnum(type, what);
  }

  /** A required list of non-empty strings (an empty list is allowed). */
  public List<String> strings(String field) {
    return required(field).asSequence().strings();
  }

  /** A required, non-empty list of non-empty strings. */
  public List<String> nonEmptyStrings(String field) {
    YamlSequence list = required(field).asSequence();
    if (list.items().isEmpty()) {
      throw list.error("must list at least one value");
    }
    return list.strings();
  }

  /** An optional list of non-empty strings; empty when absent. */
  public List<String> optionalStrings(String field) {
    return optional(field).map(n -> n.asSequence().strings()).orElse(List.of());
  }

  /** A required nested mapping. */
  public YamlMapping mapping(String field) {
    return required(field).asMapping();
  }

  /** An optional nested mapping. */
  public Optional<YamlMapping> optionalMapping(String field) {
    return optional(field).map(YamlNode::asMapping);
  }

  /** A required list of mappings (an empty list is allowed). */
  public List<YamlMapping> mappings(String field) {
    return required(field).asSequence().mappings();
  }

  /** An optional list of mappings; empty when absent. */
  public List<YamlMapping> optionalMappings(String field) {
    return optional(field).map(n -> n.asSequence().mappings()).orElse(List.of());
  }
}
