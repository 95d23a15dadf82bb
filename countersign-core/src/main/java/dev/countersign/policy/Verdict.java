package dev.countersign.policy;

import java.util.Locale;

/** A reviewer's answer. */
public enum Verdict {
  APPROVE,
  REJECT;

  /** The lower-case word used on the wire. */
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }
}
