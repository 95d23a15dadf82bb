package dev.countersign.config.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.catalog.BlastRadii;
import dev.countersign.catalog.CatalogEdge;
import dev.countersign.catalog.CatalogGraph;
import dev.countersign.catalog.EntityKind;
import dev.countersign.catalog.EntityRef;
import dev.countersign.catalog.Reach;
import dev.countersign.catalog.Relation;
import dev.countersign.model.BlastRadius;
import dev.countersign.model.ServiceImpact;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Backstage's own example catalog (corpus/backstage, Apache-2.0) read as a folder and as files. */
class BackstageCorpusTest {
  static final Path CORPUS = Path.of("src/test/resources/corpus/backstage");

  private final LoadedCatalog catalog = BackstageCatalog.load(CORPUS);

  /** An edge the way EDGES.tsv writes it: {@code source<TAB>relation<TAB>target}. */
  private static String tsv(CatalogEdge e) {
    String relation = e.relation().wire();
    if (e.relation() == Relation.PART_OF) {
      relation += "(" + e.target().kind() + ")";
    }
    String target = e.relation() == Relation.OWNED_BY ? e.target().humanize("group") : shortRef(e.target());
    return shortRef(e.source()) + "\t" + relation + "\t" + target;
  }

  private static String shortRef(EntityRef r) {
    return r.kind() + ":" + (r.namespace().equals("default") ? "" : r.namespace() + "/") + r.name();
  }

  @Test
  void folder_givesExactlyTheEdgesOfEdgesTsv() throws Exception {
    List<String> expected = new ArrayList<>();
    for (String line : Files.readAllLines(CORPUS.resolve("EDGES.tsv")).subList(1, 43)) {
      String[] cols = line.split("\t");
      // apiConsumedBy is not in Backstage's Component schema: the corpus lists it as a trap to ignore.
      if (!cols[1].startsWith("apiConsumedBy")) {
        expected.add(cols[0] + "\t" + cols[1] + "\t" + cols[2]);
      }
    }
    assertThat(expected).hasSize(41);
    assertThat(catalog.edges().stream().map(BackstageCorpusTest::tsv).toList()).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void folder_holdsEveryEntityOnce() {
    assertThat(catalog.entities()).hasSize(21);
    assertThat(catalog.graph().size()).isEqualTo(21);
  }

  @Test
  void danglingReferences_areWarningsWithTheirPosition() {
    List<String> dangling =
        catalog.warnings().stream().map(CatalogWarning::toString).filter(w -> w.contains("has no entity")).toList();
    assertThat(dangling)
        .containsExactlyInAnyOrder(
            "src/test/resources/corpus/backstage/components/petstore-component.yaml:16:7: component:default/petstore providesApi api:default/petstore: the catalog has no entity api:default/petstore",
            "src/test/resources/corpus/backstage/components/petstore-component.yaml:17:7: component:default/petstore providesApi api:default/streetlights: the catalog has no entity api:default/streetlights",
            "src/test/resources/corpus/backstage/components/petstore-component.yaml:18:7: component:default/petstore providesApi api:default/hello-world: the catalog has no entity api:default/hello-world",
            "src/test/resources/corpus/backstage/domains/artists-domain.yaml:15:16: domain:default/artists subdomainOf domain:default/audio: the catalog has no entity domain:default/audio");
    assertThat(catalog.warnings()).hasSize(4); // owners need not be in the catalog; every file is an entity
  }

  /** The services a change to {@code ref} reaches besides itself, as the blast radius lists them. */
  private List<String> dependents(String ref) {
    BlastRadius b = BlastRadii.compute(catalog.graph(), List.of(ref), List.of());
    assertThat(b.services().get(0).direct()).isTrue();
    return b.services().stream().filter(s -> !s.direct()).map(ServiceImpact::id).toList();
  }

  @Test
  void deletingArtistsDb_reachesArtistLookupOnly_notTheNonStandardApiConsumedBy() {
    assertThat(dependents("resource:artists-db")).containsExactly("artist-lookup");
  }

  @Test
  void breakingWaybackArchive_reachesTheSearchThatConsumesItsApi() {
    assertThat(dependents("component:wayback-archive")).containsExactly("wayback-search");
  }

  @Test
  void breakingWaybackStorage_breaksItsParentAndOnward() {
    assertThat(dependents("wayback-archive-storage")).containsExactly("wayback-archive", "wayback-search");
  }

  @Test
  void theGraph_passesThroughApisOnTheWay() {
    CatalogGraph g = catalog.graph();
    Reach r = g.dependents(g.find(EntityRef.of(EntityKind.COMPONENT, "default", "wayback-archive")).orElseThrow());
    List<String> reached = new ArrayList<>();
    for (int i = 0; i < r.size(); i++) {
      reached.add(g.id(r.node(i)));
    }
    assertThat(reached).containsExactly("wayback-archive", "api:wayback-archive", "wayback-search", "api:wayback-search");
  }

  @Test
  void aLocationFile_followsItsTargetsInsideTheFolder() {
    LoadedCatalog components = BackstageCatalog.load(CORPUS.resolve("all-components.yaml"));
    assertThat(components.entities()).hasSize(13);
    assertThat(components.entities()).allMatch(e -> e.ref().kind().equals("component"));
  }

  @Test
  void aSingleEntityFile_isACatalogOfOne() {
    LoadedCatalog one = BackstageCatalog.load(CORPUS.resolve("components/artist-lookup-component.yaml"));
    assertThat(one.entities()).hasSize(1);
    assertThat(one.warnings()).extracting(CatalogWarning::message).anyMatch(m -> m.contains("no entity resource:default/artists-db"));
  }
}
