package dev.countersign.catalog;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.function.IntConsumer;

/**
 * The catalog as an immutable graph of int ids, built for a million entities: one column per fact
 * (kind, namespace, name, tier, customer-facing bit, owner), the impact edges in compressed sparse
 * row form ({@code offsets}, {@code targets}), and hash chains over int arrays to find entities.
 *
 * <p>An impact edge {@code a → b} means "when a breaks, b is affected": from the target of {@code
 * dependsOn} to its source, from a provider to its API, from an API to its consumers, and from a
 * subcomponent to its parent. {@link #dependents} follows them breadth-first ({@link Traversal}).
 * Safe to share between threads.
 */
public final class CatalogGraph {
  /** The per-entity columns, indexed by id. */
  record Columns(
      EntityKind[] kinds,
      byte[] kindOf,
      String[] namespaceOf,
      String[] nameOf,
      byte[] tierOf,
      long[] customerFacing,
      int[] ownerOf,
      String[] owners) {}

  private final Columns c;
  private final Traversal traversal;
  private final AddressMap addresses;
  private final ChainIndex byRef;
  private final ChainIndex byName;

  CatalogGraph(Columns columns, Traversal traversal, AddressMap addresses) {
    this.c = columns;
    this.traversal = traversal;
    this.addresses = addresses;
    int n = columns.nameOf().length;
    int[] refHashes = new int[n];
    int[] nameHashes = new int[n];
    for (int i = 0; i < n; i++) {
      nameHashes[i] = columns.nameOf()[i].hashCode();
      refHashes[i] = refHash(columns.kindOf()[i], columns.namespaceOf()[i], nameHashes[i]);
    }
    this.byRef = new ChainIndex(refHashes);
    this.byName = new ChainIndex(nameHashes);
    for (int i = 0; i < n; i++) {
      int earlier = byRef.first(refHashes[i]);
      while (earlier >= 0 && earlier < i) {
        if (sameRef(earlier, i)) {
          throw new CatalogException("entity " + ref(i) + " is defined twice");
        }
        earlier = byRef.next(earlier);
      }
    }
  }

  /** Builds the graph of catalog values; edges whose target is not in the catalog are left out. */
  public static CatalogGraph of(List<CatalogEntity> entities, List<CatalogEdge> edges) {
    GraphBuilder b = new GraphBuilder(entities.size(), edges.size());
    Map<EntityRef, Integer> ids = HashMap.newHashMap(entities.size());
    for (CatalogEntity e : entities) {
      if (ids.putIfAbsent(e.ref(), b.size()) != null) {
        throw new CatalogException("entity " + e.ref() + " is defined twice");
      }
      b.add(e);
    }
    for (CatalogEdge edge : edges) {
      Integer source = ids.get(edge.source());
      if (source == null) {
        continue;
      }
      if (edge.relation() == Relation.OWNED_BY) {
        b.owner(source, edge.target());
        continue;
      }
      Integer target = ids.get(edge.target());
      if (target == null) {
        continue;
      }
      switch (edge.relation()) {
        case DEPENDS_ON, CONSUMES_API -> b.impact(target, source);
        case PROVIDES_API, SUBCOMPONENT_OF -> b.impact(source, target);
        case PART_OF, SUBDOMAIN_OF, OWNED_BY -> {} // grouping and ownership carry no impact
      }
    }
    return b.build();
  }

  /** How many entities the graph holds. */
  public int size() {
    return c.nameOf().length;
  }

  /** How many impact edges the graph holds. */
  public int edgeCount() {
    return traversal.edgeCount();
  }

  /** The id of the entity with this reference, if the catalog has it. */
  public OptionalInt find(EntityRef ref) {
    int kind = ref.knownKind().map(Enum::ordinal).orElse(-1);
    if (kind < 0) {
      return OptionalInt.empty();
    }
    int node = byRef.first(refHash((byte) kind, ref.namespace(), ref.name().hashCode()));
    while (node >= 0) {
      if (c.kindOf()[node] == kind && c.namespaceOf()[node].equals(ref.namespace()) && c.nameOf()[node].equals(ref.name())) {
        return OptionalInt.of(node);
      }
      node = byRef.next(node);
    }
    return OptionalInt.empty();
  }

  /** The ids of every entity with this name (lower case), of any kind and namespace, ascending. */
  public int[] named(String name) {
    int[] out = new int[4];
    int count = 0;
    for (int node = byName.first(name.hashCode()); node >= 0; node = byName.next(node)) {
      if (c.nameOf()[node].equals(name)) {
        if (count == out.length) {
          out = Arrays.copyOf(out, count * 2);
        }
        out[count++] = node;
      }
    }
    return Arrays.copyOf(out, count);
  }

  /** The entity's reference. */
  public EntityRef ref(int node) {
    return new EntityRef(kind(node).wire(), c.namespaceOf()[node], c.nameOf()[node]);
  }

  /** The entity's kind. */
  public EntityKind kind(int node) {
    return c.kinds()[c.kindOf()[node]];
  }

  /**
   * The entity's short id: its reference without the kind {@code component} and the namespace
   * {@code default}, e.g. {@code web}, {@code resource:artists-db}, {@code shop/web}.
   */
  public String id(int node) {
    boolean component = c.kindOf()[node] == EntityKind.COMPONENT.ordinal();
    String namespace = c.namespaceOf()[node];
    String name = c.nameOf()[node];
    boolean defaultNamespace = namespace.equals(EntityRef.DEFAULT_NAMESPACE);
    if (component && defaultNamespace) {
      return name; // the common case allocates nothing
    }
    String local = defaultNamespace ? name : namespace + "/" + name;
    return component ? local : kind(node).wire() + ":" + local;
  }

  /** The entity's owner, e.g. {@code payments} for {@code group:default/payments}; empty when unknown. */
  public String owner(int node) {
    int owner = c.ownerOf()[node];
    return owner < 0 ? "" : c.owners()[owner];
  }

  /** The entity's tier, 1 the most critical; 0 when unknown. */
  public int tier(int node) {
    return c.tierOf()[node];
  }

  /** Whether customers see the entity. */
  public boolean customerFacing(int node) {
    return (c.customerFacing()[node >>> 6] & (1L << node)) != 0;
  }

  /** The entities directly affected when {@code node} breaks. */
  public int[] impacts(int node) {
    Objects.checkIndex(node, size());
    return traversal.out(node);
  }

  /**
   * The touched entities and every transitive dependent, each once: the touched ones first in the
   * order given (repeats dropped), then level by level, nearest first.
   */
  public Reach dependents(int... touched) {
    return traversal.reach(touched, Traversal.BOTTOM_UP_SHARE);
  }

  /** {@link #dependents} with another switch point to bottom-up search, for tests. */
  Reach dependents(int[] touched, int bottomUpShare) {
    return traversal.reach(touched, bottomUpShare);
  }

  /** Reports the entities whose Terraform prefixes cover the address. */
  void terraformOwners(String address, IntConsumer out) {
    addresses.terraform(address, out);
  }

  /** Reports the entities that claim the Kubernetes namespace. */
  void kubernetesOwners(String namespace, IntConsumer out) {
    addresses.kubernetes(namespace, out);
  }

  private boolean sameRef(int a, int b) {
    return c.kindOf()[a] == c.kindOf()[b]
        && c.namespaceOf()[a].equals(c.namespaceOf()[b])
        && c.nameOf()[a].equals(c.nameOf()[b]);
  }

  private static int refHash(byte kind, String namespace, int nameHash) {
    return (31 * kind + namespace.hashCode()) * 31 + nameHash;
  }
}
