package dev.countersign.catalog;

import java.util.Arrays;
import java.util.Objects;

/**
 * Reachability over impact edges in compressed sparse row form, level by level, with an int queue
 * and bit sets: direction-optimizing breadth-first search (Beamer, Asanović and Patterson, 2012).
 *
 * <p>A small frontier is expanded top-down along its outgoing edges. Once the frontier is large (a
 * change to a hub soon reaches much of the catalog), a level is found bottom-up instead: every
 * entity not yet reached scans its incoming edges, in id order, and stops at the first one from
 * the frontier. That pass reads the arrays sequentially and touches only the frontier's bit set at
 * random, where top-down would jump through memory for every edge. Both directions find the same
 * levels; only the order within a level differs (bottom-up: by id).
 */
final class Traversal {
  /** Bottom-up once the frontier holds more than one entity in this many. */
  static final int BOTTOM_UP_SHARE = 32;

  private final int n;
  private final int[] outOffsets;
  private final int[] outTargets;
  private final int[] inOffsets;
  private final int[] inSources;

  Traversal(int[] outOffsets, int[] outTargets, int[] inOffsets, int[] inSources) {
    this.n = outOffsets.length - 1;
    this.outOffsets = outOffsets;
    this.outTargets = outTargets;
    this.inOffsets = inOffsets;
    this.inSources = inSources;
  }

  /** How many edges. */
  int edgeCount() {
    return outTargets.length;
  }

  /** The targets of the edges from {@code node}, copied. */
  int[] out(int node) {
    return Arrays.copyOfRange(outTargets, outOffsets[node], outOffsets[node + 1]);
  }

  /** The seeds (repeats dropped) and everything reachable from them, level by level. */
  Reach reach(int[] seeds, int bottomUpShare) {
    long[] seen = new long[(n + 63) >>> 6];
    int[] queue = new int[Math.min(n, Math.max(64, seeds.length * 8))];
    int tail = 0;
    for (int node : seeds) {
      Objects.checkIndex(node, n);
      if (mark(seen, node)) {
        queue[tail++] = node;
      }
    }
    int direct = tail;
    long[] frontier = null;
    int start = 0;
    while (start < tail) {
      int end = tail;
      if ((long) (end - start) * bottomUpShare > n) {
        frontier = frontier == null ? new long[seen.length] : frontier;
        for (int i = start; i < end; i++) {
          frontier[queue[i] >>> 6] |= 1L << queue[i];
        }
        queue = grow(queue, n); // a bottom-up level may add many at once
        tail = bottomUp(seen, frontier, queue, tail);
        for (int i = start; i < end; i++) {
          frontier[queue[i] >>> 6] = 0;
        }
      } else {
        for (int i = start; i < end; i++) {
          int u = queue[i];
          for (int e = outOffsets[u], stop = outOffsets[u + 1]; e < stop; e++) {
            int v = outTargets[e];
            if (mark(seen, v)) {
              if (tail == queue.length) {
                queue = grow(queue, tail * 2);
              }
              queue[tail++] = v;
            }
          }
        }
      }
      start = end;
    }
    return new Reach(queue, tail, direct);
  }

  /** Adds every unreached entity with an incoming edge from the frontier; returns the new tail. */
  private int bottomUp(long[] seen, long[] frontier, int[] queue, int tail) {
    int t = tail;
    for (int word = 0; word < seen.length; word++) {
      long unseen = ~seen[word];
      while (unseen != 0) {
        int v = (word << 6) + Long.numberOfTrailingZeros(unseen);
        unseen &= unseen - 1;
        if (v >= n) {
          break;
        }
        for (int e = inOffsets[v], stop = inOffsets[v + 1]; e < stop; e++) {
          int w = inSources[e];
          if ((frontier[w >>> 6] & (1L << w)) != 0) {
            queue[t++] = v;
            break;
          }
        }
      }
    }
    for (int i = tail; i < t; i++) { // marked afterwards: this level's finds are not its frontier
      mark(seen, queue[i]);
    }
    return t;
  }

  private static boolean mark(long[] seen, int node) {
    long bit = 1L << node;
    if ((seen[node >>> 6] & bit) != 0) {
      return false;
    }
    seen[node >>> 6] |= bit;
    return true;
  }

  private int[] grow(int[] queue, int size) {
    int target = Math.min(n, Math.max(size, 64));
    return target > queue.length ? Arrays.copyOf(queue, target) : queue;
  }
}
