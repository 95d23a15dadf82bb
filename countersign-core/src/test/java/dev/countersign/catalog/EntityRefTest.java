package dev.countersign.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EntityRefTest {

  @Test
  void fullReference_parsesEveryPart() {
    assertThat(EntityRef.parse("resource:ops/artists-db", "", "default"))
        .isEqualTo(new EntityRef("resource", "ops", "artists-db"));
  }

  @Test
  void missingParts_comeFromTheDefaults() {
    assertThat(EntityRef.parse("wayback-archive", "api", "shop")).isEqualTo(new EntityRef("api", "shop", "wayback-archive"));
    assertThat(EntityRef.parse("user:guest", "group", "default")).isEqualTo(new EntityRef("user", "default", "guest"));
    assertThat(EntityRef.parse("ops/team-a", "group", "default")).isEqualTo(new EntityRef("group", "ops", "team-a"));
  }

  @Test
  void references_compareCaseInsensitively() {
    assertThat(EntityRef.parse("Component:Default/Artist-Lookup", "", "default"))
        .isEqualTo(EntityRef.of(EntityKind.COMPONENT, "default", "artist-lookup"));
  }

  @Test
  void referenceWithoutKind_whereOneIsRequired_isRefusedWithAnExample() {
    assertThatThrownBy(() -> EntityRef.parse("artists-db", "", "default"))
        .isInstanceOf(CatalogException.class)
        .hasMessageContaining("needs a kind, e.g. 'resource:artists-db'");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", ":x", "component:", "component:/x", "a:b:c", "-web", "web-", "ns//x", "x y", "component:default/a/b",
      "Comp-onent:x", "UPPER--ns/x"})
  void malformedReference_isACatalogException(String text) {
    assertThatThrownBy(() -> EntityRef.parse(text, "component", "default")).isInstanceOf(CatalogException.class);
  }

  @Test
  void nameLongerThan63Characters_isRefused() {
    assertThatThrownBy(() -> EntityRef.parse("a".repeat(64), "component", "default"))
        .isInstanceOf(CatalogException.class)
        .hasMessageContaining("at most 63");
  }

  @Test
  void humanize_leavesOutTheDefaultKindAndNamespace() {
    assertThat(new EntityRef("component", "default", "web").humanize("component")).isEqualTo("web");
    assertThat(new EntityRef("resource", "default", "db").humanize("component")).isEqualTo("resource:db");
    assertThat(new EntityRef("group", "ops", "sre").humanize("group")).isEqualTo("ops/sre");
    assertThat(new EntityRef("user", "ops", "li").humanize("group")).isEqualTo("user:ops/li");
  }

  @Test
  void toString_isTheFullReference() {
    assertThat(new EntityRef("API", "default", "Search")).hasToString("api:default/search");
  }
}
