package dev.countersign.config.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.countersign.catalog.CatalogEdge;
import dev.countersign.catalog.CatalogEntity;
import dev.countersign.catalog.EntityKind;
import dev.countersign.catalog.EntityRef;
import dev.countersign.catalog.Relation;
import dev.countersign.config.yaml.ConfigException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Catalog files: the annotations, Location rules, and errors with positions. */
class BackstageCatalogTest {
  @TempDir Path tmp;

  private static LoadedCatalog parse(String yaml) {
    return BackstageCatalog.parse(yaml.getBytes(StandardCharsets.UTF_8), "catalog-info.yaml");
  }

  private Path write(String relative, String text) throws Exception {
    Path p = tmp.resolve(relative);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
    return p;
  }

  static final String PAYMENTS =
      """
      apiVersion: backstage.io/v1alpha1
      kind: Component
      metadata:
        name: payments-api
        namespace: shop
        annotations:
          countersign.dev/tier: "1"
          countersign.dev/customer-facing: "true"
          countersign.dev/terraform-prefixes: "module.payments., aws_db_instance.payments"
          countersign.dev/kubernetes-namespaces: "shop, shop-canary"
      spec:
        type: service
        owner: payments
        dependsOn: [resource:payments-db]
        dependencyOf: [component:default/checkout-web]
      ---
      apiVersion: backstage.io/v1beta1
      kind: Resource
      metadata: {name: payments-db, namespace: shop}
      spec: {type: database, owner: group:default/payments}
      """;

  @Test
  void annotations_giveTierCustomerFacingAndAddressMappings() {
    CatalogEntity e = parse(PAYMENTS).entities().get(0);
    assertThat(e.ref()).isEqualTo(EntityRef.of(EntityKind.COMPONENT, "shop", "payments-api"));
    assertThat(e.tier()).isEqualTo(1);
    assertThat(e.customerFacing()).isTrue();
    assertThat(e.terraformPrefixes()).containsExactly("module.payments.", "aws_db_instance.payments");
    assertThat(e.kubernetesNamespaces()).containsExactly("shop", "shop-canary");
  }

  @Test
  void referencesWithoutNamespace_takeTheEntitysNamespace_andDependencyOfPointsBack() {
    List<CatalogEdge> edges = parse(PAYMENTS).edges();
    EntityRef api = EntityRef.of(EntityKind.COMPONENT, "shop", "payments-api");
    assertThat(edges)
        .contains(
            new CatalogEdge(api, Relation.DEPENDS_ON, EntityRef.of(EntityKind.RESOURCE, "shop", "payments-db")),
            new CatalogEdge(EntityRef.of(EntityKind.COMPONENT, "default", "checkout-web"), Relation.DEPENDS_ON, api),
            new CatalogEdge(api, Relation.OWNED_BY, new EntityRef("group", "shop", "payments")));
  }

  @Test
  void aBadTier_isAnErrorAtItsLine() {
    String yaml = PAYMENTS.replace("countersign.dev/tier: \"1\"", "countersign.dev/tier: high");
    assertThatThrownBy(() -> parse(yaml))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("catalog-info.yaml:7:")
        .hasMessageContaining("countersign.dev/tier must be a whole number from 1");
  }

  @Test
  void aBadCustomerFacingFlag_isAnErrorAtItsLine() {
    String yaml = PAYMENTS.replace("customer-facing: \"true\"", "customer-facing: \"yes\"");
    assertThatThrownBy(() -> parse(yaml)).isInstanceOf(ConfigException.class).hasMessageStartingWith("catalog-info.yaml:8:");
  }

  @Test
  void aMalformedName_isAnErrorAtItsLine() {
    assertThatThrownBy(() -> parse(PAYMENTS.replace("name: payments-api", "name: payments api!")))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("catalog-info.yaml:4:")
        .hasMessageContaining("entity name 'payments api!' is not valid");
  }

  @Test
  void aDependsOnWithoutKind_isAnErrorThatShowsTheForm() {
    assertThatThrownBy(() -> parse(PAYMENTS.replace("[resource:payments-db]", "[payments-db]")))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("catalog-info.yaml:14:")
        .hasMessageContaining("needs a kind, e.g. 'resource:payments-db'");
  }

  @Test
  void aScalarWhereAListBelongs_isAnError() {
    assertThatThrownBy(() -> parse(PAYMENTS.replace("dependsOn: [resource:payments-db]", "dependsOn: {a: b}")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("expected a list");
  }

  @Test
  void anEntityWithoutMetadata_isAnError() {
    assertThatThrownBy(() -> parse("apiVersion: backstage.io/v1alpha1\nkind: Component\nspec: {owner: a}\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("metadata");
  }

  @Test
  void anEntityDefinedInTwoFiles_isAnErrorNamingTheFirst() throws Exception {
    write("a.yaml", PAYMENTS);
    write("sub/b.yml", PAYMENTS);
    assertThatThrownBy(() -> BackstageCatalog.load(tmp))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("b.yml:4:")
        .hasMessageContaining("already defined at " + tmp.resolve("a.yaml") + ":4:");
  }

  @Test
  void documentsThatAreNotEntities_areSkippedWithAWarning() {
    LoadedCatalog c =
        parse(
            "name: ci\non: push\n---\n- a list\n---\napiVersion: backstage.io/v1alpha1\nkind: Template\nmetadata: {name: t}\n---\n");
    assertThat(c.entities()).isEmpty();
    assertThat(c.warnings()).extracting(CatalogWarning::message)
        .containsExactly(
            "not a Backstage entity (no apiVersion backstage.io/…), skipped",
            "not a Backstage entity (no apiVersion backstage.io/…), skipped",
            "kind 'Template' plays no part in blast radius, skipped");
  }

  @Test
  void anEntityWithoutOwner_isAWarning() {
    LoadedCatalog c = parse("apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata: {name: lonely}\n");
    assertThat(c.warnings()).extracting(CatalogWarning::toString)
        .containsExactly("catalog-info.yaml:3:18: component:default/lonely has no owner (spec.owner)");
  }

  @Test
  void locationTargets_areFollowedOnlyInsideTheFolder() throws Exception {
    Path folder = tmp.resolve("catalog");
    write("secret.yaml", PAYMENTS);
    write("catalog/in/web.yaml", "apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata: {name: web}\nspec: {owner: a}\n");
    Path location =
        write(
            "catalog/catalog-info.yaml",
            """
            apiVersion: backstage.io/v1alpha1
            kind: Location
            metadata: {name: all}
            spec:
              targets:
                - ./in/web.yaml
                - ../secret.yaml
                - https://example.com/catalog-info.yaml
                - ./**/*.yaml
                - ./missing.yaml
            """);
    LoadedCatalog c = BackstageCatalog.load(location);
    assertThat(c.entities()).extracting(e -> e.ref().name()).containsExactly("web");
    assertThat(c.warnings()).extracting(CatalogWarning::message)
        .containsExactly(
            "Location target '../secret.yaml' not followed: it is outside the catalog folder",
            "Location target 'https://example.com/catalog-info.yaml' not followed: Countersign never fetches URLs",
            "Location target './**/*.yaml' not followed: globs are not supported",
            "Location target './missing.yaml' not followed: no such file");
    assertThat(BackstageCatalog.load(folder).entities()).hasSize(1); // the folder itself: same entity, read once
  }

  @Test
  void aLinkLeadingOutOfTheFolder_isNotFollowed() throws Exception {
    write("outside/secret.yaml", PAYMENTS);
    write(
        "catalog/catalog-info.yaml",
        "apiVersion: backstage.io/v1alpha1\nkind: Location\nmetadata: {name: l}\nspec: {target: ./link.yaml}\n");
    Files.createSymbolicLink(tmp.resolve("catalog/link.yaml"), tmp.resolve("outside/secret.yaml"));
    LoadedCatalog c = BackstageCatalog.load(tmp.resolve("catalog"));
    assertThat(c.entities()).isEmpty();
    assertThat(c.warnings()).extracting(CatalogWarning::message)
        .containsExactly("a symbolic link, not followed",
            "Location target './link.yaml' not followed: a link that leads outside the catalog folder");
  }

  @Test
  void hiddenFolders_areNotRead() throws Exception {
    write(".github/workflows/ci.yml", "name: ci\n");
    write("catalog-info.yaml", "apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata: {name: web}\nspec: {owner: a}\n");
    assertThat(BackstageCatalog.load(tmp).warnings()).isEmpty();
  }

  @Test
  void aMissingPath_isAnError() {
    assertThatThrownBy(() -> BackstageCatalog.load(tmp.resolve("nope")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("no such catalog file or folder");
  }
}
