package dev.countersign.catalog;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Builds a {@link CatalogGraph}: add entities (each gets the next int id), then owners and impact
 * edges by id, then {@link #build()}. Not thread-safe; use once.
 *
 * <p>{@link CatalogGraph#of} builds from catalog values and is what importers use; this builder is
 * the compact path for very large generated graphs.
 */
public final class GraphBuilder {
  private static final EntityKind[] KINDS = EntityKind.values();

  private final Map<String, String> namespaces = new HashMap<>();
  private final Map<String, Integer> ownerIds = new HashMap<>();
  private String[] owners = new String[16];
  private byte[] kindOf;
  private String[] namespaceOf;
  private String[] nameOf;
  private byte[] tierOf;
  private long[] customerFacing;
  private int[] ownerOf;
  private int nodes;
  private int[] from;
  private int[] to;
  private int edges;
  private final AddressMap addresses = new AddressMap();

  /** A builder sized for about this many entities and impact edges (it grows as needed). */
  public GraphBuilder(int expectedNodes, int expectedEdges) {
    int n = Math.max(16, expectedNodes);
    int m = Math.max(16, expectedEdges);
    kindOf = new byte[n];
    namespaceOf = new String[n];
    nameOf = new String[n];
    tierOf = new byte[n];
    customerFacing = new long[(n + 63) >>> 6];
    ownerOf = new int[n];
    from = new int[m];
    to = new int[m];
  }

  /** Adds an entity of a modelled kind with its tier and customer-facing flag; returns its id. */
  public int add(EntityRef ref, int tier, boolean isCustomerFacing) {
    EntityKind kind =
        ref.knownKind().orElseThrow(() -> new CatalogException("entity kind '" + ref.kind() + "' is not modelled: " + ref));
    if (tier < 0 || tier > CatalogAnnotations.MAX_TIER) {
      throw new CatalogException("tier " + tier + " of " + ref + " is not between 1 and " + CatalogAnnotations.MAX_TIER);
    }
    if (nodes == nameOf.length) {
      growNodes();
    }
    int id = nodes++;
    kindOf[id] = (byte) kind.ordinal();
    namespaceOf[id] = namespaces.computeIfAbsent(ref.namespace(), k -> k);
    nameOf[id] = ref.name();
    tierOf[id] = (byte) tier;
    if (isCustomerFacing) {
      customerFacing[id >>> 6] |= 1L << id;
    }
    ownerOf[id] = -1;
    return id;
  }

  /** Adds an entity with its address mappings; returns its id. */
  public int add(CatalogEntity entity) {
    int id = add(entity.ref(), entity.tier(), entity.customerFacing());
    entity.terraformPrefixes().forEach(p -> addresses.prefix(p, id));
    entity.kubernetesNamespaces().forEach(ns -> addresses.namespace(ns, id));
    return id;
  }

  /** Records the owner of an entity; the owner need not be in the catalog. */
  public void owner(int node, EntityRef owner) {
    owner(node, ownerId(owner));
  }

  /** The id of an owner for {@link #owner(int, int)}, so that bulk loads parse each owner once. */
  public int ownerId(EntityRef owner) {
    String shown = owner.humanize(EntityKind.GROUP.wire());
    Integer known = ownerIds.get(shown);
    if (known == null) {
      known = ownerIds.size();
      ownerIds.put(shown, known);
      if (known == owners.length) {
        owners = Arrays.copyOf(owners, owners.length * 2);
      }
      owners[known] = shown;
    }
    return known;
  }

  /** Records the owner of an entity by an id from {@link #ownerId}. */
  public void owner(int node, int ownerId) {
    checkNode(node);
    if (ownerId < 0 || ownerId >= ownerIds.size()) {
      throw new IndexOutOfBoundsException("no owner with id " + ownerId);
    }
    ownerOf[node] = ownerId;
  }

  /** Records that when {@code source} breaks, {@code affected} is affected. */
  public void impact(int source, int affected) {
    checkNode(source);
    checkNode(affected);
    if (edges == from.length) {
      int size = Math.max(16, edges + (edges >> 1));
      from = Arrays.copyOf(from, size);
      to = Arrays.copyOf(to, size);
    }
    from[edges] = source;
    to[edges] = affected;
    edges++;
  }

  /** How many entities were added. */
  public int size() {
    return nodes;
  }

  /** The graph; fails with {@link CatalogException} when an entity was added twice. */
  public CatalogGraph build() {
    int n = nodes;
    int[] outOffsets = new int[n + 1];
    int[] outTargets = rows(n, from, to, outOffsets);
    int[] inOffsets = new int[n + 1];
    int[] inSources = rows(n, to, from, inOffsets);
    CatalogGraph.Columns columns =
        new CatalogGraph.Columns(
            KINDS, Arrays.copyOf(kindOf, n), Arrays.copyOf(namespaceOf, n), Arrays.copyOf(nameOf, n),
            Arrays.copyOf(tierOf, n), Arrays.copyOf(customerFacing, (n + 63) >>> 6),
            Arrays.copyOf(ownerOf, n), Arrays.copyOf(owners, ownerIds.size()));
    return new CatalogGraph(columns, new Traversal(outOffsets, outTargets, inOffsets, inSources), addresses);
  }

  /** Compressed rows of the edges grouped by {@code key}: fills {@code offsets}, returns the values. */
  private int[] rows(int n, int[] key, int[] value, int[] offsets) {
    for (int e = 0; e < edges; e++) {
      offsets[key[e] + 1]++;
    }
    for (int i = 0; i < n; i++) {
      offsets[i + 1] += offsets[i];
    }
    int[] fill = Arrays.copyOf(offsets, n);
    int[] values = new int[edges];
    for (int e = 0; e < edges; e++) {
      values[fill[key[e]]++] = value[e];
    }
    return values;
  }

  private void checkNode(int node) {
    if (node < 0 || node >= nodes) {
      throw new IndexOutOfBoundsException("no entity with id " + node);
    }
  }

  private void growNodes() {
    int size = nodes + (nodes >> 1) + 16;
    kindOf = Arrays.copyOf(kindOf, size);
    namespaceOf = Arrays.copyOf(namespaceOf, size);
    nameOf = Arrays.copyOf(nameOf, size);
    tierOf = Arrays.copyOf(tierOf, size);
    customerFacing = Arrays.copyOf(customerFacing, (size + 63) >>> 6);
    ownerOf = Arrays.copyOf(ownerOf, size);
  }
}
