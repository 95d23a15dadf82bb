package dev.countersign.model;

import java.util.Locale;

/** The normalized verbs every analyser emits; the same words appear in grants. */
public enum Verb {
  CREATE,
  READ,
  UPDATE,
  DELETE,
  REPLACE,
  NOOP,
  EXEC;

  /** The lower-case word used on the wire, in grants and in policies. */
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a wire word such as {@code "replace"}; throws {@link IllegalArgumentException} otherwise. */
  public static Verb fromWire(String word) {
    for (Verb v : values()) {
      if (v.wire().equals(word)) {
        return v;
      }
    }
    throw new IllegalArgumentException("unknown verb '" + word + "' (expected one of create, read, update, delete, replace, noop, exec)");
  }

  /** Whether this verb removes or rebuilds something that exists. */
  public boolean destructive() {
    return this == DELETE || this == REPLACE;
  }

  /** Whether this verb changes anything at all. */
  public boolean mutating() {
    return this != READ && this != NOOP;
  }
}
