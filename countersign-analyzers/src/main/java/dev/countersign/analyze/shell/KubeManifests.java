package dev.countersign.analyze.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads the objects of a YAML manifest given to {@code kubectl apply/delete -f -} in a
 * here-document: each document's top-level {@code kind} and {@code metadata.name}/{@code
 * namespace}. A deliberately small reader; a manifest it cannot read counts as unknown objects.
 */
final class KubeManifests {

  /**
   * One object of a manifest.
   *
   * @param kind the lower-case kind, e.g. {@code namespace}
   * @param name its name, or "(unnamed)"
   * @param namespace its namespace, or ""
   */
  record KubeObject(String kind, String name, String namespace) {}

  private KubeManifests() {}

  static List<KubeObject> read(String yaml) {
    List<KubeObject> objects = new ArrayList<>();
    String kind = "";
    String name = "";
    String namespace = "";
    boolean inMetadata = false;
    for (String line : yaml.split("\n")) {
      if (line.startsWith("---")) {
        add(objects, kind, name, namespace);
        kind = name = namespace = "";
        inMetadata = false;
      } else if (line.startsWith("kind:")) {
        kind = value(line).toLowerCase(Locale.ROOT);
      } else if (line.startsWith("metadata:")) {
        inMetadata = true;
      } else if (!line.isEmpty() && !Character.isWhitespace(line.charAt(0))) {
        inMetadata = false;
      } else if (inMetadata && line.startsWith("  name:")) {
        name = value(line);
      } else if (inMetadata && line.startsWith("  namespace:")) {
        namespace = value(line);
      }
    }
    add(objects, kind, name, namespace);
    return objects;
  }

  private static void add(List<KubeObject> objects, String kind, String name, String namespace) {
    if (!kind.isEmpty()) {
      objects.add(new KubeObject(kind, name.isEmpty() ? "(unnamed)" : name, namespace));
    }
  }

  private static String value(String line) {
    String v = line.substring(line.indexOf(':') + 1).strip();
    if (v.length() >= 2 && (v.startsWith("\"") || v.startsWith("'"))) {
      v = v.substring(1, v.length() - 1);
    }
    return v;
  }
}
