package dev.countersign.bench;

import dev.countersign.catalog.CatalogGraph;
import dev.countersign.catalog.EntityKind;
import dev.countersign.catalog.EntityRef;
import dev.countersign.catalog.GraphBuilder;
import java.util.SplittableRandom;

/**
 * A generated service catalog with a power-law shape, for the catalog benchmarks: entity {@code i}
 * depends on {@code edgesPerNode} entities created before it, chosen half the time uniformly and
 * half the time by copying the target of a random earlier edge (preferential attachment, so
 * in-degrees follow a power law), with a small share going straight to a few hubs (shared
 * databases, auth, the API gateway). Entities are 70% Components, 20% Resources and 10% APIs, owned
 * by 2,000 teams; 5% are tier 1 and 10% customer-facing.
 *
 * <p>Generated into plain arrays, so that {@link #load()} measures only building the graph.
 */
public final class CatalogGenerator {
  /** The ids of the hubs: the first entities created. */
  public static final int HUBS = 16;

  private final String[] names;
  private final byte[] kinds;
  private final byte[] tiers;
  private final boolean[] customerFacing;
  private final String[] owners;
  private final int[] ownerOf;
  private final int[] dependency;
  private final int[] dependent;

  /** Generates {@code nodes} entities with {@code edgesPerNode} dependencies each, from a seed. */
  public CatalogGenerator(int nodes, int edgesPerNode, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    names = new String[nodes];
    kinds = new byte[nodes];
    tiers = new byte[nodes];
    customerFacing = new boolean[nodes];
    ownerOf = new int[nodes];
    owners = new String[2_000];
    for (int t = 0; t < owners.length; t++) {
      owners[t] = "team-" + t;
    }
    for (int i = 0; i < nodes; i++) {
      int k = random.nextInt(10);
      kinds[i] = (byte) (k < 7 ? EntityKind.COMPONENT.ordinal() : k < 9 ? EntityKind.RESOURCE.ordinal() : EntityKind.API.ordinal());
      names[i] = "svc-" + i;
      tiers[i] = (byte) (random.nextInt(20) == 0 ? 1 : 2 + random.nextInt(3));
      customerFacing[i] = random.nextInt(10) == 0;
      ownerOf[i] = (int) Math.min(owners.length - 1, Math.abs(random.nextGaussian()) * owners.length / 3);
    }
    int edges = Math.max(0, nodes - 1) * edgesPerNode;
    dependency = new int[edges];
    dependent = new int[edges];
    int e = 0;
    for (int i = 1; i < nodes; i++) {
      for (int d = 0; d < edgesPerNode; d++) {
        int roll = random.nextInt(100);
        int target;
        if (roll < 3) {
          target = random.nextInt(Math.min(i, HUBS));
        } else if (roll < 50 && e > 0) {
          target = dependency[random.nextInt(e)];
        } else {
          target = random.nextInt(i);
        }
        dependency[e] = target;
        dependent[e] = i;
        e++;
      }
    }
  }

  /** How many entities. */
  public int nodes() {
    return names.length;
  }

  /** How many dependency edges. */
  public int edges() {
    return dependency.length;
  }

  /** The name of entity {@code i}. */
  public String name(int i) {
    return names[i];
  }

  /** Builds the catalog graph from the generated arrays: references, owners and impact edges. */
  public CatalogGraph load() {
    EntityKind[] kindValues = EntityKind.values();
    GraphBuilder b = new GraphBuilder(names.length, dependency.length);
    int[] ownerIds = new int[owners.length];
    for (int t = 0; t < owners.length; t++) {
      ownerIds[t] = b.ownerId(new EntityRef("group", EntityRef.DEFAULT_NAMESPACE, owners[t]));
    }
    for (int i = 0; i < names.length; i++) {
      b.add(EntityRef.of(kindValues[kinds[i]], EntityRef.DEFAULT_NAMESPACE, names[i]), tiers[i], customerFacing[i]);
      b.owner(i, ownerIds[ownerOf[i]]);
    }
    for (int e = 0; e < dependency.length; e++) {
      b.impact(dependency[e], dependent[e]); // when the dependency breaks, the dependent is affected
    }
    return b.build();
  }
}
