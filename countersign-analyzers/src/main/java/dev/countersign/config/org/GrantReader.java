package dev.countersign.config.org;

import dev.countersign.config.yaml.YamlMapping;
import dev.countersign.config.yaml.YamlNode;
import dev.countersign.config.yaml.YamlSequence;
import dev.countersign.directory.Grant;
import dev.countersign.directory.OperatorLevel;
import dev.countersign.model.Verb;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Reads the {@code grants} list of a principal. */
final class GrantReader {
  private static final String EXPIRY_HINT =
      "every grant needs an expiry such as 'expires: 2027-06-30T00:00:00Z'"
          + " (a grant without one is operator-level)";

  private GrantReader() {}

  /**
   * The principal's grants: required, and refused when operator-level, for agents and services
   * ({@code required}); optional and only limits for humans.
   */
  static List<Grant> grants(YamlMapping principal, boolean required) {
    List<YamlMapping> items =
        required ? principal.mappings("grants") : principal.optionalMappings("grants");
    return items.stream().map(m -> grant(m, required)).toList();
  }

  private static Grant grant(YamlMapping m, boolean refuseOperatorLevel) {
    m.allowOnly("environments", "services", "verbs", "expires");
    List<String> environments = m.nonEmptyStrings("environments");
    List<String> services = m.nonEmptyStrings("services");
    Set<Verb> verbs = verbs(m);
    if (!m.has("expires")) {
      throw m.missing("expires", EXPIRY_HINT);
    }
    Grant grant = new Grant(environments, services, verbs, m.instant("expires"));
    if (refuseOperatorLevel) {
      OperatorLevel.check(grant)
          .ifPresent(
              reason -> {
                throw m.error(reason);
              });
    }
    return grant;
  }

  private static Set<Verb> verbs(YamlMapping m) {
    YamlSequence list = m.required("verbs").asSequence();
    if (list.items().isEmpty()) {
      throw list.error("must list at least one verb");
    }
    Set<Verb> verbs = EnumSet.noneOf(Verb.class);
    for (YamlNode item : list.items()) {
      String word = item.asScalar().requiredString();
      try {
        verbs.add(Verb.fromWire(word));
      } catch (IllegalArgumentException e) {
        throw item.error(e.getMessage());
      }
    }
    return verbs;
  }
}
