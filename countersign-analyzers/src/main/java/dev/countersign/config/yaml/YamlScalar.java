package dev.countersign.config.yaml;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A YAML scalar: its text and whether it was written plain (unquoted). Typing follows the YAML 1.2
 * core schema, but only when a reader asks: {@code 5} is a number to {@link #asInt()} and a string
 * to {@link #requiredString()}.
 */
public record YamlScalar(Origin origin, String value, boolean plain) implements YamlNode {

  private static final Set<String> NULLS = Set.of("", "~", "null", "Null", "NULL");

  public YamlScalar {
    requireNonNull(origin, "origin");
    requireNonNull(value, "value");
  }

  @Override
  public String describe() {
    return isNull() ? "nothing (null)" : "the value " + quoted();
  }

  /** Whether this is a YAML null: a plain empty value, {@code ~} or {@code null}. */
  public boolean isNull() {
    return plain && NULLS.contains(value);
  }

  /** The text, which must be present and not blank. */
  public String requiredString() {
    if (isNull()) {
      throw error("a value is required here");
    }
    if (value.isBlank()) {
      throw error("must not be empty");
    }
    return value;
  }

  /** The value as a whole number written plain, such as {@code 3} or {@code -1}. */
  public int asInt() {
    if (plain && value.matches("[-+]?[0-9]{1,10}")) {
      try {
        return Integer.parseInt(value);
      } catch (NumberFormatException tooBig) {
        // fall through to the error below
      }
    }
    throw error("expected a whole number, got " + describe());
  }

  /** The value as a boolean written plain: {@code true} or {@code false}. */
  public boolean asBool() {
    if (plain) {
      switch (value) {
        case "true", "True", "TRUE" -> {
          return true;
        }
        case "false", "False", "FALSE" -> {
          return false;
        }
        default -> {}
      }
    }
    throw error("expected true or false, got " + describe());
  }

  /** The value as an ISO-8601 instant with a zone offset, such as {@code 2027-06-30T00:00:00Z}. */
  public Instant asInstant() {
    String text = requiredString();
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      throw error(
          "expected an ISO-8601 instant with a time and zone such as 2027-06-30T00:00:00Z, got "
              + describe());
    }
  }

  /** The value as one of an enum's constants, written as the lower-case constant name. */
  public <E extends Enum<E>> E asEnum(Class<E> type, String what) {
    String text = requiredString();
    for (E constant : type.getEnumConstants()) {
      if (constant.name().toLowerCase(Locale.ROOT).equals(text)) {
        return constant;
      }
    }
    String expected =
        Arrays.stream(type.getEnumConstants())
            .map(c -> c.name().toLowerCase(Locale.ROOT))
            .collect(Collectors.joining(", "));
    throw error("unknown " + what + " " + quoted() + " (expected one of " + expected + ")");
  }

  /** The value in single quotes, shortened when long, for messages. */
  public String quoted() {
    return ConfigException.quote(value);
  }
}
