package dev.countersign.config.catalog;

import dev.countersign.catalog.CatalogAnnotations;
import dev.countersign.catalog.CatalogEdge;
import dev.countersign.catalog.CatalogEntity;
import dev.countersign.catalog.CatalogException;
import dev.countersign.catalog.EntityKind;
import dev.countersign.catalog.EntityRef;
import dev.countersign.config.yaml.ConfigException;
import dev.countersign.config.yaml.Origin;
import dev.countersign.config.yaml.YamlMapping;
import dev.countersign.config.yaml.YamlNode;
import dev.countersign.config.yaml.YamlScalar;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** Reads one YAML document of a catalog file: an entity, a Location, or something to skip. */
final class EntityYaml {
  /** A Location target as written, with where it is written and whether the type is {@code url}. */
  record Target(String target, Origin origin, boolean url) {}

  private EntityYaml() {}

  /** Adds the document's entity and relations to {@code out}; returns a Location's targets. */
  static List<Target> read(YamlNode document, CatalogCollector out) {
    if (document instanceof YamlScalar s && s.isNull()) {
      return List.of(); // an empty document, e.g. after a trailing '---'
    }
    if (!(document instanceof YamlMapping m) || !backstage(m)) {
      out.warn(document.origin(), "not a Backstage entity (no apiVersion backstage.io/…), skipped");
      return List.of();
    }
    String kindWord = m.string("kind");
    if (kindWord.equalsIgnoreCase("Location")) {
      return location(m.optionalMapping("spec").orElse(empty(m)));
    }
    Optional<EntityKind> kind = EntityKind.fromWire(kindWord);
    if (kind.isEmpty()) {
      out.warn(m.required("kind").origin(), "kind " + ConfigException.quote(kindWord) + " plays no part in blast radius, skipped");
      return List.of();
    }
    entity(m, kind.get(), out);
    return List.of();
  }

  private static boolean backstage(YamlMapping m) {
    return m.optional("apiVersion")
        .filter(n -> n instanceof YamlScalar v && v.value().startsWith("backstage.io/"))
        .isPresent();
  }

  private static void entity(YamlMapping m, EntityKind kind, CatalogCollector out) {
    YamlMapping metadata = m.mapping("metadata");
    String namespace =
        metadata.optional("namespace").map(n -> namespace(n)).orElse(EntityRef.DEFAULT_NAMESPACE);
    YamlNode nameNode = metadata.required("name");
    EntityRef self = ref(nameNode, () -> EntityRef.of(kind, namespace, nameNode.asScalar().requiredString()));
    YamlMapping annotations = metadata.optionalMapping("annotations").orElse(empty(metadata));
    out.entity(
        new CatalogEntity(
            self,
            annotations.optional(CatalogAnnotations.TIER).map(EntityYaml::tier).orElse(0),
            annotations.optional(CatalogAnnotations.CUSTOMER_FACING).map(EntityYaml::flag).orElse(false),
            annotations.optional(CatalogAnnotations.TERRAFORM_PREFIXES).map(EntityYaml::items).orElse(List.of()),
            annotations.optional(CatalogAnnotations.KUBERNETES_NAMESPACES).map(EntityYaml::namespaces).orElse(List.of())),
        nameNode.origin());
    YamlMapping spec = m.optionalMapping("spec").orElse(empty(m));
    for (SpecFields.Field f : SpecFields.of(kind)) {
      List<YamlNode> values =
          spec.optional(f.name()).map(n -> f.list() ? n.asSequence().items() : List.of(n)).orElse(List.of());
      for (YamlNode value : values) {
        EntityRef named =
            ref(value, () -> EntityRef.parse(value.asScalar().requiredString(), f.defaultKind(), self.namespace()));
        CatalogEdge edge = f.inverse() ? new CatalogEdge(named, f.relation(), self) : new CatalogEdge(self, f.relation(), named);
        out.edge(edge, named, value.origin());
      }
    }
    if (SpecFields.needsOwner(kind) && !spec.has("owner")) {
      out.warn(nameNode.origin(), self + " has no owner (spec.owner)");
    }
  }

  private static List<Target> location(YamlMapping spec) {
    boolean url = spec.optional("type").map(t -> t.asScalar().requiredString().strip().equalsIgnoreCase("url")).orElse(false);
    List<YamlNode> nodes = new ArrayList<>();
    spec.optional("target").ifPresent(nodes::add);
    spec.optional("targets").ifPresent(t -> nodes.addAll(t.asSequence().items()));
    List<Target> targets = new ArrayList<>();
    for (YamlNode n : nodes) {
      targets.add(new Target(n.asScalar().requiredString().strip(), n.origin(), url));
    }
    return targets;
  }

  private static String namespace(YamlNode node) {
    return ref(node, () -> EntityRef.of(EntityKind.COMPONENT, node.asScalar().requiredString(), "x")).namespace();
  }

  private static EntityRef ref(YamlNode node, Supplier<EntityRef> parse) {
    try {
      return parse.get();
    } catch (CatalogException e) {
      throw node.error(e.getMessage());
    }
  }

  private static int tier(YamlNode node) {
    String v = node.asScalar().requiredString().strip();
    if (v.length() != 1 || v.charAt(0) < '1' || v.charAt(0) > '0' + CatalogAnnotations.MAX_TIER) {
      throw node.error(
          CatalogAnnotations.TIER + " must be a whole number from 1 (most critical) to " + CatalogAnnotations.MAX_TIER
              + ", got " + ConfigException.quote(v));
    }
    return v.charAt(0) - '0';
  }

  private static boolean flag(YamlNode node) {
    String v = node.asScalar().requiredString().strip();
    if (!v.equalsIgnoreCase("true") && !v.equalsIgnoreCase("false")) {
      throw node.error(CatalogAnnotations.CUSTOMER_FACING + " must be \"true\" or \"false\", got " + ConfigException.quote(v));
    }
    return v.equalsIgnoreCase("true");
  }

  private static List<String> items(YamlNode node) {
    return CatalogAnnotations.items(node.asScalar().requiredString());
  }

  private static List<String> namespaces(YamlNode node) {
    List<String> items = items(node);
    for (String ns : items) {
      ref(node, () -> EntityRef.of(EntityKind.COMPONENT, ns, "x"));
      if (!ns.equals(ns.toLowerCase(Locale.ROOT))) {
        throw node.error("Kubernetes namespace " + ConfigException.quote(ns) + " must be lower case");
      }
    }
    return items;
  }

  private static YamlMapping empty(YamlNode at) {
    return new YamlMapping(at.origin(), Map.of(), Map.of());
  }
}
