package dev.countersign.directory;

import java.util.Locale;
import java.util.Optional;

/** Seniority of a human, in order: a higher ordinal is more senior. */
public enum Level {
  JUNIOR,
  MID,
  SENIOR,
  STAFF,
  PRINCIPAL;

  /** The lower-case word used in org.yaml and policies. */
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** 1 for junior up to 5 for principal; policies compare ranks ({@code levels.senior}). */
  public int rank() {
    return ordinal() + 1;
  }

  /** Whether this level is at least {@code other}. */
  public boolean atLeast(Level other) {
    return compareTo(other) >= 0;
  }

  /** Parses a level word. */
  public static Optional<Level> fromWire(String word) {
    for (Level l : values()) {
      if (l.wire().equals(word)) {
        return Optional.of(l);
      }
    }
    return Optional.empty();
  }
}
