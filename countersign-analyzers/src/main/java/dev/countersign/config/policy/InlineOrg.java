package dev.countersign.config.policy;

import dev.countersign.config.org.OrgYaml;
import dev.countersign.config.yaml.Origin;
import dev.countersign.config.yaml.YamlMapping;
import dev.countersign.config.yaml.YamlNode;
import dev.countersign.directory.Directory;
import java.util.Iterator;
import java.util.Map;

/**
 * Reads the {@code org:} section of a policy test file as org.yaml. The section's text is cut out
 * of the file with every line and column kept in place (earlier lines blanked), so the org.yaml
 * reader's errors point into the test file exactly.
 */
final class InlineOrg {
  private InlineOrg() {}

  /** The directory written under {@code field} of {@code root}, whose file text is {@code text}. */
  static Directory read(YamlMapping root, String field, String text) {
    YamlNode value = root.required(field);
    Origin start = value.origin();
    int endLine = nextKeyLine(root, field);
    String[] lines = text.split("\r\n|\n|\r", -1);
    StringBuilder slice = new StringBuilder(text.length());
    for (int i = 1; i <= lines.length && (endLine < 0 || i < endLine); i++) {
      String line = lines[i - 1];
      if (i < start.line()) {
        slice.append('\n');
      } else if (i == start.line()) {
        int from = Math.min(line.length(), Math.max(0, start.column() - 1));
        slice.append(" ".repeat(from)).append(line.substring(from)).append('\n');
      } else {
        slice.append(line).append('\n');
      }
    }
    return OrgYaml.parse(slice.toString(), start.source());
  }

  private static int nextKeyLine(YamlMapping root, String field) {
    Iterator<Map.Entry<String, Origin>> keys = root.keys().entrySet().iterator();
    while (keys.hasNext()) {
      if (keys.next().getKey().equals(field)) {
        return keys.hasNext() ? keys.next().getValue().line() : -1;
      }
    }
    return -1;
  }
}
