package dev.countersign.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.model.Action;
import dev.countersign.model.BlastRadius;
import dev.countersign.model.ServiceImpact;
import dev.countersign.model.Verb;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How a change's services and actions map onto the catalog, and what the blast radius holds. */
class BlastRadiiTest {
  private static EntityRef component(String name) {
    return EntityRef.of(EntityKind.COMPONENT, "default", name);
  }

  private static EntityRef group(String name) {
    return new EntityRef("group", "default", name);
  }

  private static final EntityRef PAYMENTS_DB = EntityRef.of(EntityKind.RESOURCE, "default", "payments-db");

  /** payments-db ← payments-api ← checkout-web (tier 1, customer-facing, team checkout). */
  private final CatalogGraph graph =
      CatalogGraph.of(
          List.of(
              new CatalogEntity(PAYMENTS_DB, 1, false, List.of("aws_db_instance.payments", "module.payments_db."), List.of()),
              new CatalogEntity(component("payments-api"), 2, false, List.of(), List.of("payments")),
              new CatalogEntity(component("checkout-web"), 1, true, List.of(), List.of("shop", "shop-canary")),
              CatalogEntity.plain(EntityRef.of(EntityKind.API, "default", "payments-api"))),
          List.of(
              new CatalogEdge(component("payments-api"), Relation.DEPENDS_ON, PAYMENTS_DB),
              new CatalogEdge(component("checkout-web"), Relation.DEPENDS_ON, component("payments-api")),
              new CatalogEdge(PAYMENTS_DB, Relation.OWNED_BY, group("payments")),
              new CatalogEdge(component("payments-api"), Relation.OWNED_BY, group("payments")),
              new CatalogEdge(component("checkout-web"), Relation.OWNED_BY, group("checkout"))));

  private static Action action(Verb verb, String address, String service) {
    return new Action(verb, "aws_thing", address, service, false, "", "");
  }

  private static Action kubernetes(Verb verb, String kind, String address) {
    return new Action(verb, "kubernetes/" + kind, address, "", false, "", "");
  }

  private List<String> ids(BlastRadius b) {
    return b.services().stream().map(s -> s.id() + (s.direct() ? "*" : "")).toList();
  }

  @Test
  void declaredServiceByName_touchesItAndReachesItsDependents() {
    BlastRadius b = BlastRadii.compute(graph, List.of("payments-api"), List.of());
    assertThat(ids(b)).containsExactly("payments-api*", "checkout-web");
    assertThat(b.owners()).containsExactly("payments", "checkout");
    assertThat(b.tier1Count()).isEqualTo(1);
    assertThat(b.customerFacingCount()).isEqualTo(1);
  }

  @Test
  void declaredServiceByFullReference_touchesOnlyThatEntity() {
    BlastRadius b = BlastRadii.compute(graph, List.of("component:default/payments-api"), List.of());
    assertThat(ids(b)).containsExactly("payments-api*", "checkout-web");
    assertThat(ids(BlastRadii.compute(graph, List.of("api:payments-api"), List.of()))).containsExactly("api:payments-api*");
  }

  @Test
  void terraformPrefix_mapsAddressesAtABoundary() {
    BlastRadius b =
        BlastRadii.compute(graph, List.of(), List.of(action(Verb.REPLACE, "aws_db_instance.payments[\"eu\"]", "")));
    assertThat(ids(b)).containsExactly("resource:payments-db*", "checkout-web", "payments-api"); // tier 1 first
    assertThat(b.services().get(0)).isEqualTo(new ServiceImpact("resource:payments-db", "payments", 1, false, true));
    assertThat(BlastRadii.compute(graph, List.of(), List.of(action(Verb.DELETE, "aws_db_instance.payments_v2", ""))).services())
        .isEmpty();
    assertThat(ids(BlastRadii.compute(graph, List.of(), List.of(action(Verb.DELETE, "module.payments_db.aws_x.y", "")))))
        .startsWith("resource:payments-db*");
  }

  @Test
  void kubernetesNamespace_mapsObjectsInItAndTheNamespaceItself() {
    assertThat(ids(BlastRadii.compute(graph, List.of(), List.of(kubernetes(Verb.UPDATE, "Deployment", "shop-canary/Deployment/web")))))
        .containsExactly("checkout-web*");
    assertThat(ids(BlastRadii.compute(graph, List.of(), List.of(kubernetes(Verb.DELETE, "Namespace", "Namespace/payments")))))
        .containsExactly("payments-api*", "checkout-web");
    assertThat(BlastRadii.compute(graph, List.of(), List.of(action(Verb.DELETE, "shop/Deployment/web", ""))).services())
        .as("not a Kubernetes resource type")
        .isEmpty();
  }

  @Test
  void actionServiceFromResourceTags_touchesThatService() {
    BlastRadius b = BlastRadii.compute(graph, List.of(), List.of(action(Verb.UPDATE, "aws_lambda_function.web", "checkout-web")));
    assertThat(ids(b)).containsExactly("checkout-web*");
  }

  @Test
  void readsAndNoops_touchNothing() {
    List<Action> actions =
        List.of(action(Verb.READ, "aws_db_instance.payments", "payments-api"), kubernetes(Verb.NOOP, "Service", "shop/Service/web"));
    assertThat(BlastRadii.compute(graph, List.of(), actions).services()).isEmpty();
  }

  @Test
  void serviceUnknownToTheCatalog_staysVisibleAsTouchedWithoutOwner() {
    BlastRadius b = BlastRadii.compute(graph, List.of("billing", "payments-db"), List.of(action(Verb.UPDATE, "x.y", "billing")));
    assertThat(b.services())
        .containsExactly(
            new ServiceImpact("resource:payments-db", "payments", 1, false, true),
            new ServiceImpact("billing", "", 0, false, true),
            new ServiceImpact("checkout-web", "checkout", 1, true, false),
            new ServiceImpact("payments-api", "payments", 2, false, false));
  }

  @Test
  void theSameServiceTouchedManyWays_appearsOnce() {
    BlastRadius b =
        BlastRadii.compute(
            graph,
            List.of("checkout-web", "Component:checkout-web"),
            List.of(kubernetes(Verb.UPDATE, "Service", "shop/Service/web")));
    assertThat(ids(b)).containsExactly("checkout-web*");
  }

  @Test
  void malformedServiceNames_areUnknownNotErrors() {
    BlastRadius b = BlastRadii.compute(graph, List.of("a:b:c", "  ", "x/"), List.of());
    assertThat(ids(b)).containsExactly("a:b:c*", "x/*");
  }

  @Test
  void apisReachedThroughTheirProvider_passTheImpactOnWithoutBeingListed() {
    EntityRef api = EntityRef.of(EntityKind.API, "default", "search");
    CatalogGraph g =
        CatalogGraph.of(
            List.of(CatalogEntity.plain(component("search")), CatalogEntity.plain(api), CatalogEntity.plain(component("app"))),
            List.of(
                new CatalogEdge(component("search"), Relation.PROVIDES_API, api),
                new CatalogEdge(component("app"), Relation.CONSUMES_API, api)));
    assertThat(ids(BlastRadii.compute(g, List.of("search"), List.of()))).containsExactly("search*", "app");
    assertThat(ids(BlastRadii.compute(g, List.of("api:search"), List.of()))).containsExactly("api:search*", "app");
  }

  @Test
  void aHubsDependents_areListedUpToTheBound_tier1ThenCustomerFacingThenNearest() {
    GraphBuilder b = new GraphBuilder(0, 0);
    int hub = b.add(component("hub"), 2, false);
    for (int i = 0; i < 50; i++) {
      int near = b.add(component("near-" + i), 3, false);
      b.impact(hub, near);
      int far = b.add(component("far-" + i), i % 10 == 0 ? 1 : 3, i % 5 == 1);
      b.impact(near, far);
    }
    CatalogGraph g = b.build();
    BlastRadius all = BlastRadii.compute(g, List.of("hub"), List.of(), 1_000);
    assertThat(all.services()).hasSize(101);
    BlastRadius bounded = BlastRadii.compute(g, List.of("hub"), List.of(), 20);
    assertThat(bounded.services()).hasSize(21);
    assertThat(bounded.tier1Count()).isEqualTo(all.tier1Count()).isEqualTo(5);
    assertThat(bounded.customerFacingCount()).isEqualTo(all.customerFacingCount()).isEqualTo(10);
    assertThat(ids(bounded).subList(0, 2)).containsExactly("hub*", "far-0");
    assertThat(ids(bounded).subList(16, 21)).containsExactly("near-0", "near-1", "near-2", "near-3", "near-4");
    assertThat(BlastRadii.compute(g, List.of("hub"), List.of(), 0).services()).hasSize(1);
  }

  @Test
  void kubernetesNamespaces_ofManifestAndKubectlAddresses() {
    assertThat(BlastRadii.kubernetesNamespaces("kubernetes/Deployment", "shop/Deployment/web")).containsExactly("shop");
    assertThat(BlastRadii.kubernetesNamespaces("kubernetes/Namespace", "Namespace/shop")).containsExactly("shop");
    assertThat(BlastRadii.kubernetesNamespaces("kubernetes/namespace", "shop shop-canary")).containsExactly("shop", "shop-canary");
    assertThat(BlastRadii.kubernetesNamespaces("kubernetes/pod", "shop/web-1 shop/web-2")).containsExactly("shop", "shop");
    assertThat(BlastRadii.kubernetesNamespaces("kubernetes/ClusterRole", "ClusterRole/admin")).isEmpty();
    assertThat(BlastRadii.kubernetesNamespaces("aws_instance", "shop/Deployment/web")).isEmpty();
    assertThat(BlastRadii.kubernetesNamespaces("kubernetes/Deployment", "")).isEmpty();
    assertThat(BlastRadii.kubernetesNamespaces("kubernetes/pod", "/x //")).isEmpty();
  }
}
