package dev.countersign.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The breadth-first search over compressed arrays agrees with a naive fixed-point reference on
 * random small graphs (cycles, self-loops, repeated edges included). Replay with {@code
 * -Dgraph.seed=N}.
 */
class DependentsRandomTest {
  private static final int GRAPHS = 2_000;
  /** Switch points to bottom-up search: never, always, and in between. */
  private static final int[] SHARES = {0, 1, 4, Traversal.BOTTOM_UP_SHARE, Integer.MAX_VALUE};

  @Test
  void reachOfRandomGraphs_equalsTheNaiveFixedPoint() {
    long seed = Long.getLong("graph.seed", System.nanoTime());
    System.out.println("DependentsRandomTest seed=" + seed + " (replay with -Dgraph.seed=" + seed + ")");
    SplittableRandom random = new SplittableRandom(seed);
    for (int run = 0; run < GRAPHS; run++) {
      int n = 1 + random.nextInt(40);
      int m = random.nextInt(n * 4 + 1);
      int[][] edges = new int[m][];
      GraphBuilder b = new GraphBuilder(random.nextInt(4), random.nextInt(4)); // force growth
      for (int i = 0; i < n; i++) {
        b.add(EntityRef.of(EntityKind.COMPONENT, "default", "s" + i), 0, false);
      }
      for (int e = 0; e < m; e++) {
        edges[e] = new int[] {random.nextInt(n), random.nextInt(n)};
        b.impact(edges[e][0], edges[e][1]);
      }
      CatalogGraph graph = b.build();
      int[] touched = new int[random.nextInt(4)];
      for (int i = 0; i < touched.length; i++) {
        touched[i] = random.nextInt(n);
      }
      int share = SHARES[random.nextInt(SHARES.length)];
      Reach reach = graph.dependents(touched, share);
      Set<Integer> expected = naive(edges, touched);
      List<Integer> actual = new ArrayList<>();
      for (int i = 0; i < reach.size(); i++) {
        actual.add(reach.node(i));
      }
      String where = "seed=" + seed + " run=" + run + " share=" + share;
      assertThat(actual).as(where).doesNotHaveDuplicates();
      assertThat(new HashSet<>(actual)).as(where).isEqualTo(expected);
      Set<Integer> distinctTouched = new LinkedHashSet<>();
      for (int t : touched) {
        distinctTouched.add(t);
      }
      assertThat(actual.subList(0, reach.directCount())).as(where).containsExactlyElementsOf(distinctTouched);
      assertThat(levels(edges, actual, reach.directCount())).as(where + " nearest first").isSorted();
    }
  }

  @Test
  void reachOfRandomCatalogs_followsTheRelationRules() {
    long seed = Long.getLong("graph.seed", System.nanoTime());
    System.out.println("DependentsRandomTest catalogs seed=" + seed + " (replay with -Dgraph.seed=" + seed + ")");
    SplittableRandom random = new SplittableRandom(seed);
    EntityKind[] kinds = {EntityKind.COMPONENT, EntityKind.API, EntityKind.RESOURCE, EntityKind.SYSTEM};
    Relation[] relations = Relation.values();
    for (int run = 0; run < GRAPHS; run++) {
      int n = 1 + random.nextInt(30);
      List<CatalogEntity> entities = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        entities.add(CatalogEntity.plain(EntityRef.of(kinds[random.nextInt(kinds.length)], "default", "e" + i)));
      }
      List<CatalogEdge> catalogEdges = new ArrayList<>();
      List<int[]> impacts = new ArrayList<>();
      for (int e = random.nextInt(n * 3 + 1); e > 0; e--) {
        int s = random.nextInt(n);
        int t = random.nextInt(n + 2); // n and n+1 dangle
        Relation r = relations[random.nextInt(relations.length)];
        EntityRef target = t < n ? entities.get(t).ref() : EntityRef.of(EntityKind.COMPONENT, "default", "gone" + t);
        catalogEdges.add(new CatalogEdge(entities.get(s).ref(), r, target));
        if (t < n) {
          switch (r) {
            case DEPENDS_ON, CONSUMES_API -> impacts.add(new int[] {t, s});
            case PROVIDES_API, SUBCOMPONENT_OF -> impacts.add(new int[] {s, t});
            default -> {}
          }
        }
      }
      CatalogGraph graph = CatalogGraph.of(entities, catalogEdges);
      int touched = random.nextInt(n);
      Reach reach = graph.dependents(touched);
      Set<Integer> actual = new HashSet<>();
      for (int i = 0; i < reach.size(); i++) {
        actual.add(reach.node(i));
      }
      assertThat(actual).as("seed=" + seed + " run=" + run).isEqualTo(naive(impacts.toArray(int[][]::new), new int[] {touched}));
    }
  }

  /** The distance of each reached node from the touched ones (which come first, at 0). */
  private static List<Integer> levels(int[][] edges, List<Integer> order, int direct) {
    Map<Integer, Integer> level = new HashMap<>();
    List<Integer> out = new ArrayList<>();
    for (int node : order) {
      int best = Integer.MAX_VALUE;
      for (int[] e : edges) {
        if (e[1] == node && level.containsKey(e[0])) {
          best = Math.min(best, level.get(e[0]) + 1);
        }
      }
      int l = out.size() < direct ? 0 : best;
      level.put(node, l);
      out.add(l);
    }
    return out;
  }

  /** Adds the targets of edges from reached nodes until nothing changes. */
  private static Set<Integer> naive(int[][] edges, int[] touched) {
    Set<Integer> reached = new HashSet<>();
    for (int t : touched) {
      reached.add(t);
    }
    boolean changed = true;
    while (changed) {
      changed = false;
      for (int[] e : edges) {
        if (reached.contains(e[0]) && reached.add(e[1])) {
          changed = true;
        }
      }
    }
    return reached;
  }
}
