package dev.countersign.catalog;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The Backstage entity kinds the catalog graph models. */
public enum EntityKind {
  COMPONENT,
  RESOURCE,
  API,
  SYSTEM,
  DOMAIN,
  GROUP,
  USER;

  /** The kind as written in entity references: lower case, e.g. {@code component}. */
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  private static final Map<String, EntityKind> BY_WIRE = byWire();

  private static Map<String, EntityKind> byWire() {
    Map<String, EntityKind> m = new HashMap<>();
    for (EntityKind k : values()) {
      m.put(k.wire(), k);
    }
    return Map.copyOf(m);
  }

  /** The kind for a word, compared case-insensitively ({@code Component}, {@code API}). */
  public static Optional<EntityKind> fromWire(String word) {
    EntityKind exact = BY_WIRE.get(word); // references hold lower-case kinds: the common case
    if (exact != null) {
      return Optional.of(exact);
    }
    for (EntityKind k : values()) {
      if (k.name().equalsIgnoreCase(word)) {
        return Optional.of(k);
      }
    }
    return Optional.empty();
  }
}
