package dev.countersign.policy;

import java.util.Locale;

/** The answer of a decision. */
public enum Outcome {
  ALLOW,
  DENY,
  NEEDS_APPROVAL;

  /** The lower-case word used on the wire ({@code needs_approval}). */
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }
}
