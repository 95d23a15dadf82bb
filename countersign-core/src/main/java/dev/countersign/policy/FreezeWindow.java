package dev.countersign.policy;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/** A period in which production changes are frozen; {@code end} is exclusive. */
public record FreezeWindow(String name, Instant start, Instant end) {
  public FreezeWindow {
    requireNonNull(name, "name");
    requireNonNull(start, "start");
    requireNonNull(end, "end");
    if (!end.isAfter(start)) {
      throw new IllegalArgumentException("freeze window '" + name + "' ends before it starts");
    }
  }

  /** Whether {@code now} falls inside the window. */
  public boolean contains(Instant now) {
    return !now.isBefore(start) && now.isBefore(end);
  }
}
