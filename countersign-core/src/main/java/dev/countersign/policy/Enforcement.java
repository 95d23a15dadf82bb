package dev.countersign.policy;

import java.util.Locale;

/**
 * How binding a rule is: advisory rules only report; soft denies yield to break-glass; hard denies
 * never yield.
 */
public enum Enforcement {
  ADVISORY,
  SOFT,
  HARD;

  /** The lower-case word used in policy files and on the wire. */
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }
}
