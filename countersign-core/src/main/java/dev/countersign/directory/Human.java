package dev.countersign.directory;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** A person, with a seniority level and teams. */
public record Human(String id, String name, Level level, List<String> teams, List<Grant> grants)
    implements Principal {
  public Human {
    requireNonNull(id, "id");
    requireNonNull(name, "name");
    requireNonNull(level, "level");
    teams = List.copyOf(teams);
    grants = List.copyOf(grants);
  }

  @Override
  public String kind() {
    return "human";
  }
}
