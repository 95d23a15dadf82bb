package dev.countersign.catalog;

import dev.countersign.model.Action;
import dev.countersign.model.BlastRadius;
import dev.countersign.model.ServiceImpact;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A change's blast radius over the catalog: the entities it touches and every transitive
 * dependent, with owners, tiers and customer-facing flags.
 *
 * <p>A change touches an entity when it names it as a declared service, when one of its mutating
 * actions (not {@code read} or {@code noop}) names it in {@link Action#service()} (analysers put
 * resource tags there), or when such an action's address falls under the entity's Terraform
 * prefix or Kubernetes namespace ({@link CatalogAnnotations}). A service is named by its full
 * reference ({@code component:default/web}, {@code resource:artists-db}) or by its bare name: the
 * Components of that name (in any namespace), else the Resources, else the APIs, else any entity
 * of that name. A named service the catalog does not know stays in the blast radius as touched, with no
 * owner and no tier, so that a reviewer sees it.
 *
 * <p>APIs reached through their provider are not listed: they pass the impact on to their
 * consumers, which are. An API the change touches directly is listed.
 *
 * <p>Every touched entity is listed. Dependents are listed up to a bound ({@link
 * #MAX_LISTED_DEPENDENTS} by default), because the blast radius travels into every policy decision,
 * API response and stored analysis: a change to a hub of a large catalog can reach most of it.
 * Within the bound, tier-1 dependents come first, then customer-facing ones, then the rest, each
 * nearest first; so the tier-1 and customer-facing counts stay exact unless those alone pass the
 * bound, and only the count of other dependents is cut.
 */
public final class BlastRadii {
  private static final String COMPONENT = EntityKind.COMPONENT.wire();
  /** How many dependents a blast radius lists by default. */
  public static final int MAX_LISTED_DEPENDENTS = 1_000;

  private static final List<EntityKind> PREFERRED = List.of(EntityKind.COMPONENT, EntityKind.RESOURCE, EntityKind.API);

  private BlastRadii() {}

  /** The blast radius of a change, listing at most {@link #MAX_LISTED_DEPENDENTS} dependents. */
  public static BlastRadius compute(CatalogGraph graph, List<String> declaredServices, List<Action> actions) {
    return compute(graph, declaredServices, actions, MAX_LISTED_DEPENDENTS);
  }

  /** The blast radius of a change, listing at most {@code maxDependents} dependents. */
  public static BlastRadius compute(
      CatalogGraph graph, List<String> declaredServices, List<Action> actions, int maxDependents) {
    Touched touched = new Touched(graph);
    declaredServices.forEach(touched::service);
    for (Action a : actions) {
      if (!a.verb().mutating()) {
        continue;
      }
      touched.service(a.service());
      graph.terraformOwners(a.address(), touched::node);
      kubernetesNamespaces(a.resourceType(), a.address()).forEach(ns -> graph.kubernetesOwners(ns, touched::node));
    }
    Reach reach = graph.dependents(touched.nodes());
    int[] dependents = DependentPicker.pick(graph, reach, maxDependents);
    List<ServiceImpact> services = new ArrayList<>(reach.directCount() + touched.unknown.size() + dependents.length);
    for (int i = 0; i < reach.directCount(); i++) {
      services.add(impact(graph, reach.node(i), true));
    }
    touched.unknown.forEach(s -> services.add(new ServiceImpact(s, "", 0, false, true)));
    for (int node : dependents) {
      services.add(impact(graph, node, false));
    }
    return new BlastRadius(services);
  }

  private static ServiceImpact impact(CatalogGraph graph, int node, boolean direct) {
    return new ServiceImpact(graph.id(node), graph.owner(node), graph.tier(node), graph.customerFacing(node), direct);
  }

  /**
   * The namespaces of a Kubernetes action (resource type {@code kubernetes/<Kind>}), whose address
   * holds one or more space-separated objects: {@code shop} for {@code shop/Deployment/web} or
   * {@code shop/web}; for a namespace itself ({@code kubernetes/Namespace}), its name, written
   * {@code shop} or {@code Namespace/shop}. Cluster-scoped objects ({@code ClusterRole/x}) have none.
   */
  static List<String> kubernetesNamespaces(String resourceType, String address) {
    if (!resourceType.regionMatches(true, 0, "kubernetes/", 0, "kubernetes/".length())) {
      return List.of();
    }
    boolean namespaceKind = resourceType.equalsIgnoreCase("kubernetes/namespace");
    List<String> out = new ArrayList<>();
    for (String object : address.strip().split("\\s+")) {
      String[] parts = object.split("/", -1);
      String last = parts[parts.length - 1];
      if (namespaceKind || (parts.length == 2 && parts[0].equals("Namespace"))) {
        dnsLabel(last).ifPresent(out::add);
      } else if (parts.length == 3 || (parts.length == 2 && !parts[0].isEmpty() && !Character.isUpperCase(parts[0].charAt(0)))) {
        dnsLabel(parts[0]).ifPresent(out::add);
      }
    }
    return out;
  }

  private static Optional<String> dnsLabel(String s) {
    return EntityRef.validNamespace(s) ? Optional.of(s) : Optional.empty();
  }

  /** The touched entities found so far, and the named services the catalog does not know. */
  private static final class Touched {
    private final CatalogGraph graph;
    private int[] nodes = new int[16];
    private int count;
    final Set<String> unknown = new LinkedHashSet<>();

    Touched(CatalogGraph graph) {
      this.graph = graph;
    }

    void node(int node) {
      if (count == nodes.length) {
        nodes = Arrays.copyOf(nodes, count * 2);
      }
      nodes[count++] = node;
    }

    int[] nodes() {
      return Arrays.copyOf(nodes, count);
    }

    void service(String raw) {
      String name = raw.strip();
      if (!name.isEmpty() && !resolve(name.toLowerCase(Locale.ROOT))) {
        unknown.add(name);
      }
    }

    private boolean resolve(String key) {
      if (key.indexOf(':') >= 0 || key.indexOf('/') >= 0) {
        try {
          EntityRef ref = EntityRef.parse(key, COMPONENT, EntityRef.DEFAULT_NAMESPACE);
          var node = graph.find(ref);
          node.ifPresent(this::node);
          return node.isPresent();
        } catch (CatalogException notARef) {
          return false;
        }
      }
      int[] named = graph.named(key);
      for (EntityKind kind : PREFERRED) {
        boolean found = false;
        for (int node : named) {
          if (graph.kind(node) == kind) {
            node(node);
            found = true;
          }
        }
        if (found) {
          return true;
        }
      }
      Arrays.stream(named).forEach(this::node);
      return named.length > 0;
    }
  }
}
