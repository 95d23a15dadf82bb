package dev.countersign.catalog;

import java.util.Arrays;
import java.util.Objects;

/**
 * The entities a blast radius reaches, as graph ids in breadth-first order: the touched ones first
 * ({@link #directCount()} of them), then their dependents, nearest first.
 */
public final class Reach {
  private final int[] nodes;
  private final int size;
  private final int direct;

  Reach(int[] nodes, int size, int direct) {
    this.nodes = nodes;
    this.size = size;
    this.direct = direct;
  }

  /** How many entities are reached, touched ones included. */
  public int size() {
    return size;
  }

  /** How many of them the change touches directly; they come first. */
  public int directCount() {
    return direct;
  }

  /** The graph id of the {@code i}-th reached entity. */
  public int node(int i) {
    Objects.checkIndex(i, size);
    return nodes[i];
  }

  /** Whether the {@code i}-th reached entity is touched directly. */
  public boolean direct(int i) {
    Objects.checkIndex(i, size);
    return i < direct;
  }

  /** The backing array, valid up to {@link #size()}; not to be changed. */
  int[] array() {
    return nodes;
  }

  /** The graph ids of every reached entity, in order. */
  public int[] toArray() {
    return Arrays.copyOf(nodes, size);
  }
}
