package dev.countersign.server;

import static java.util.Objects.requireNonNull;

import dev.countersign.policy.FreezeWindow;
import dev.countersign.policy.PolicyEngine;
import java.util.List;

/** The policy in force: a compiled engine and the freeze calendar, swapped together on reload. */
public record PolicyRuntime(PolicyEngine engine, List<FreezeWindow> freezes) {
  public PolicyRuntime {
    requireNonNull(engine, "engine");
    freezes = List.copyOf(freezes);
  }
}
