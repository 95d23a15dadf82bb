package dev.countersign.cli;

import dev.countersign.model.BlastRadius;
import dev.countersign.model.ServiceImpact;
import java.io.PrintStream;

/** The human-readable blast radius section of {@code analyze} and {@code check}. */
final class BlastRadiusText {
  /** How many services are listed before "… and N more". */
  static final int SHOWN = 25;

  private BlastRadiusText() {}

  /** Prints a summary line, then one line per service: touched ones first, then dependents. */
  static void print(BlastRadius b, PrintStream out) {
    long touched = b.services().stream().filter(ServiceImpact::direct).count();
    out.println(
        "blast radius: " + b.services().size() + " service(s), " + touched + " touched, "
            + (b.services().size() - touched) + " dependent(s); tier 1: " + b.tier1Count()
            + "; customer-facing: " + b.customerFacingCount() + "; score " + b.score());
    out.println("  owners: " + (b.owners().isEmpty() ? "(none known)" : String.join(", ", b.owners())));
    int shown = 0;
    for (ServiceImpact s : b.services()) {
      if (shown++ == SHOWN) {
        out.println("  … and " + (b.services().size() - SHOWN) + " more (--json lists them all)");
        break;
      }
      out.printf(
          "  %-9s %-32s owner %-16s %s%s%n",
          s.direct() ? "touched" : "dependent",
          s.id(),
          s.owner().isEmpty() ? "?" : s.owner(),
          s.tier() == 0 ? "tier ?" : "tier " + s.tier(),
          s.customerFacing() ? "  customer-facing" : "");
    }
  }
}
