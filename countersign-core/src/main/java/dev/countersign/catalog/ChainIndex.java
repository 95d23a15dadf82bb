package dev.countersign.catalog;

import java.util.Arrays;

/**
 * Node ids by hash: a hash table of chains over int arrays, so that a million keys cost three int
 * arrays rather than a million map entries. Callers walk a chain and compare their own keys.
 */
final class ChainIndex {
  private final int[] hashes;
  private final int[] head;
  private final int[] next;
  private final int mask;

  /** Indexes nodes {@code 0..hashes.length) by their hash; the array is kept, not copied. */
  ChainIndex(int[] hashes) {
    this.hashes = hashes;
    int count = hashes.length;
    int capacity = Integer.highestOneBit(Math.max(4, count * 2 - 1)) << 1;
    this.head = new int[capacity];
    Arrays.fill(head, -1);
    this.next = new int[count];
    this.mask = capacity - 1;
    for (int node = count - 1; node >= 0; node--) { // chains list lower ids first
      int slot = slot(hashes[node]);
      next[node] = head[slot];
      head[slot] = node;
    }
  }

  /** The first node with this hash, or -1. */
  int first(int hash) {
    return skip(head[slot(hash)], hash);
  }

  /** The next node after {@code node} with the same hash, or -1. */
  int next(int node) {
    return skip(next[node], hashes[node]);
  }

  private int skip(int node, int hash) {
    int n = node;
    while (n >= 0 && hashes[n] != hash) {
      n = next[n];
    }
    return n;
  }

  private int slot(int h) {
    return (h ^ (h >>> 16)) & mask;
  }
}
