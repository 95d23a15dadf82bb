package dev.countersign.directory;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** A pipeline or bot identity: grants like an agent, but no sponsor. */
public record ServiceIdentity(String id, List<Grant> grants) implements Principal {
  public ServiceIdentity {
    requireNonNull(id, "id");
    grants = List.copyOf(grants);
  }

  @Override
  public String kind() {
    return "service";
  }
}
