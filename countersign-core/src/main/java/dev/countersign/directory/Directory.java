package dev.countersign.directory;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The known principals, by id. Immutable. */
public final class Directory {
  private final Map<String, Principal> byId;

  private Directory(Map<String, Principal> byId) {
    this.byId = byId;
  }

  /** Builds a directory; ids must be unique across humans, agents and services. */
  public static Directory of(Collection<? extends Principal> principals) {
    Map<String, Principal> map = new LinkedHashMap<>();
    for (Principal p : principals) {
      if (map.putIfAbsent(p.id(), p) != null) {
        throw new IllegalArgumentException("duplicate principal id '" + p.id() + "'");
      }
    }
    return new Directory(Map.copyOf(map));
  }

  /** Finds a principal by id. */
  public Optional<Principal> find(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  /** Finds a human by id. */
  public Optional<Human> human(String id) {
    return find(id).filter(Human.class::isInstance).map(Human.class::cast);
  }

  /** Finds an agent by id. */
  public Optional<Agent> agent(String id) {
    return find(id).filter(Agent.class::isInstance).map(Agent.class::cast);
  }

  /** Every principal. */
  public Collection<Principal> all() {
    return byId.values();
  }
}
