package dev.countersign.model;

import java.util.Locale;

/** How much a finding matters to a reviewer. */
public enum Severity {
  INFO,
  WARNING,
  HIGH,
  CRITICAL;

  /** The lower-case word used on the wire. */
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }
}
