package dev.countersign.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The impact rules over a small catalog shaped like Backstage's example "wayback" services. */
class CatalogGraphTest {
  static EntityRef component(String name) {
    return EntityRef.of(EntityKind.COMPONENT, "default", name);
  }

  static EntityRef api(String name) {
    return EntityRef.of(EntityKind.API, "default", name);
  }

  static EntityRef resource(String name) {
    return EntityRef.of(EntityKind.RESOURCE, "default", name);
  }

  static final List<CatalogEntity> ENTITIES =
      List.of(
          CatalogEntity.plain(component("wayback-archive")),
          CatalogEntity.plain(component("wayback-archive-storage")),
          CatalogEntity.plain(component("wayback-search")),
          CatalogEntity.plain(api("wayback-archive")),
          CatalogEntity.plain(component("artist-lookup")),
          new CatalogEntity(resource("artists-db"), 1, true, List.of(), List.of()),
          CatalogEntity.plain(EntityRef.of(EntityKind.SYSTEM, "default", "artist-engagement-portal")));

  static final List<CatalogEdge> EDGES =
      List.of(
          new CatalogEdge(component("wayback-archive"), Relation.PROVIDES_API, api("wayback-archive")),
          new CatalogEdge(component("wayback-search"), Relation.CONSUMES_API, api("wayback-archive")),
          new CatalogEdge(component("wayback-archive-storage"), Relation.SUBCOMPONENT_OF, component("wayback-archive")),
          new CatalogEdge(component("artist-lookup"), Relation.DEPENDS_ON, resource("artists-db")),
          new CatalogEdge(
              component("artist-lookup"), Relation.PART_OF, EntityRef.of(EntityKind.SYSTEM, "default", "artist-engagement-portal")),
          new CatalogEdge(component("artist-lookup"), Relation.OWNED_BY, new EntityRef("group", "default", "team-a")),
          new CatalogEdge(resource("artists-db"), Relation.OWNED_BY, new EntityRef("user", "default", "guest")),
          new CatalogEdge(component("wayback-search"), Relation.DEPENDS_ON, resource("not-in-catalog")));

  private final CatalogGraph graph = CatalogGraph.of(ENTITIES, EDGES);

  private List<String> dependents(EntityRef ref) {
    Reach r = graph.dependents(graph.find(ref).orElseThrow());
    List<String> out = new ArrayList<>();
    for (int i = 0; i < r.size(); i++) {
      out.add(graph.id(r.node(i)));
    }
    return out;
  }

  @Test
  void deletingADatabase_reachesWhatDependsOnIt_butNotItsSystem() {
    assertThat(dependents(resource("artists-db"))).containsExactly("resource:artists-db", "artist-lookup");
  }

  @Test
  void breakingAnApiProvider_reachesTheApiAndItsConsumers() {
    assertThat(dependents(component("wayback-archive")))
        .containsExactly("wayback-archive", "api:wayback-archive", "wayback-search");
  }

  @Test
  void breakingASubcomponent_breaksItsParentAndOnward() {
    assertThat(dependents(component("wayback-archive-storage")))
        .containsExactly("wayback-archive-storage", "wayback-archive", "api:wayback-archive", "wayback-search");
  }

  @Test
  void aConsumer_affectsNothingUpstream() {
    assertThat(dependents(component("wayback-search"))).containsExactly("wayback-search");
  }

  @Test
  void ownersTiersAndCustomerFacing_areKeptPerEntity() {
    int db = graph.find(resource("artists-db")).orElseThrow();
    int lookup = graph.find(component("artist-lookup")).orElseThrow();
    assertThat(graph.owner(db)).isEqualTo("user:guest");
    assertThat(graph.owner(lookup)).isEqualTo("team-a");
    assertThat(graph.tier(db)).isEqualTo(1);
    assertThat(graph.customerFacing(db)).isTrue();
    assertThat(graph.customerFacing(lookup)).isFalse();
    assertThat(graph.owner(graph.find(component("wayback-search")).orElseThrow())).isEmpty();
  }

  @Test
  void danglingTargets_areLeftOutOfTheGraph() {
    assertThat(graph.size()).isEqualTo(7);
    assertThat(graph.edgeCount()).isEqualTo(4);
  }

  @Test
  void named_findsEveryKindWithThatName() {
    assertThat(graph.named("wayback-archive")).hasSize(2);
    assertThat(graph.named("nothing")).isEmpty();
  }

  @Test
  void aKindTheGraphDoesNotModel_isNotFound() {
    assertThat(graph.find(new EntityRef("template", "default", "wayback-archive"))).isEmpty();
  }

  @Test
  void anEntityDefinedTwice_isRefused() {
    List<CatalogEntity> twice = List.of(CatalogEntity.plain(component("a")), CatalogEntity.plain(component("A")));
    assertThatThrownBy(() -> CatalogGraph.of(twice, List.of()))
        .isInstanceOf(CatalogException.class)
        .hasMessageContaining("component:default/a is defined twice");
  }

  @Test
  void theBuilder_refusesAnEntityAddedTwice() {
    GraphBuilder b = new GraphBuilder(2, 0);
    b.add(component("a"), 0, false);
    b.add(EntityRef.of(EntityKind.API, "default", "a"), 0, false);
    b.add(component("a"), 0, false);
    assertThatThrownBy(b::build).isInstanceOf(CatalogException.class);
  }

  @Test
  void repeatedTouchedEntities_countOnce() {
    int db = graph.find(resource("artists-db")).orElseThrow();
    Reach r = graph.dependents(db, db, db);
    assertThat(r.directCount()).isEqualTo(1);
    assertThat(r.size()).isEqualTo(2);
  }

  @Test
  void anEmptyGraph_reachesNothing() {
    CatalogGraph empty = CatalogGraph.of(List.of(), List.of());
    assertThat(empty.dependents().size()).isZero();
  }
}
