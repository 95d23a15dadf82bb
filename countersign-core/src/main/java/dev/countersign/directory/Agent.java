package dev.countersign.directory;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** An AI agent acting for a human sponsor, bounded by its own grants and its sponsor's rights. */
public record Agent(String id, String sponsor, String model, List<Grant> grants) implements Principal {
  public Agent {
    requireNonNull(id, "id");
    requireNonNull(sponsor, "sponsor");
    requireNonNull(model, "model");
    grants = List.copyOf(grants);
  }

  @Override
  public String kind() {
    return "agent";
  }
}
