package dev.countersign.policy;

import java.util.Locale;

/** What a matching rule does. */
public enum Effect {
  ALLOW,
  DENY,
  REQUIRE;

  /** The lower-case word used in policy files and on the wire. */
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }
}
