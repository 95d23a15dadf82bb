package dev.countersign.config.policy;

import dev.countersign.config.yaml.ConfigException;
import dev.countersign.config.yaml.SafeYaml;
import dev.countersign.config.yaml.YamlMapping;
import dev.countersign.config.yaml.YamlNode;
import dev.countersign.policy.FreezeWindow;
import dev.countersign.policy.PolicyException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the freeze calendar, {@code calendar.yaml}: {@code {freezes: [{name, start, end}]}} with
 * ISO-8601 instants; {@code end} is exclusive. A file of only comments has no freezes.
 */
public final class CalendarYaml {
  /** The file name of the calendar inside a policy directory. */
  public static final String FILE_NAME = "calendar.yaml";

  private CalendarYaml() {}

  /** Parses calendar text; {@code source} names the file in errors. */
  public static List<FreezeWindow> parse(String text, String source) {
    try {
      List<YamlNode> docs = SafeYaml.config().parseAll(text, source);
      if (docs.isEmpty()) {
        return List.of();
      }
      if (docs.size() > 1) {
        throw docs.get(1).error("expected one YAML document, found a second one");
      }
      YamlMapping root = docs.get(0).asMapping().allowOnly("freezes");
      return freezes(root.optionalMappings("freezes"));
    } catch (ConfigException e) {
      throw new PolicyException(e.getMessage(), e);
    }
  }

  /** Reads a list of freeze windows (also used by policy test files); throws {@link ConfigException}. */
  static List<FreezeWindow> freezes(List<YamlMapping> items) {
    List<FreezeWindow> out = new ArrayList<>();
    Map<String, Integer> names = new HashMap<>();
    for (YamlMapping m : items) {
      m.allowOnly("name", "start", "end");
      String name = m.string("name");
      if (names.putIfAbsent(name, m.origin().line()) != null) {
        throw m.required("name").error("duplicate freeze window '" + name + "' (first at line " + names.get(name) + ")");
      }
      Instant start = m.instant("start");
      Instant end = m.instant("end");
      if (!end.isAfter(start)) {
        throw m.required("end").error("the freeze window ends before it starts");
      }
      out.add(new FreezeWindow(name, start, end));
    }
    return List.copyOf(out);
  }
}
