package dev.countersign.catalog;

import java.util.Arrays;

/**
 * Chooses which reached dependents a blast radius lists, in one pass over the reach with three
 * bounded int buffers: tier-1 first, then customer-facing, then the rest, each nearest first. APIs
 * are left out: they pass impact on to their consumers.
 */
final class DependentPicker {
  private DependentPicker() {}

  /** At most {@code max} dependents of the reach (touched entities excluded), in listing order. */
  static int[] pick(CatalogGraph graph, Reach reach, int max) {
    if (max < 0) {
      throw new IllegalArgumentException("max must not be negative: " + max);
    }
    int[] nodes = reach.array();
    int candidates = reach.size() - reach.directCount();
    int cap = Math.min(max, candidates);
    int[] tier1 = new int[cap];
    int[] facing = new int[cap];
    int[] rest = new int[cap];
    int t = 0;
    int f = 0;
    int r = 0;
    for (int i = reach.directCount(); i < reach.size() && t < cap; i++) {
      int node = nodes[i];
      if (graph.kind(node) == EntityKind.API) {
        continue;
      }
      if (graph.tier(node) == 1) {
        tier1[t++] = node;
      } else if (graph.customerFacing(node)) {
        if (f < cap) {
          facing[f++] = node;
        }
      } else if (r < cap) {
        rest[r++] = node;
      }
    }
    int[] out = Arrays.copyOf(tier1, Math.min(cap, t + f + r));
    int n = t;
    n = append(facing, f, out, n);
    append(rest, r, out, n);
    return out;
  }

  private static int append(int[] from, int count, int[] to, int at) {
    int take = Math.min(count, to.length - at);
    System.arraycopy(from, 0, to, at, take);
    return at + take;
  }
}
