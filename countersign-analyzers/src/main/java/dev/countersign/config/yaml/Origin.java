package dev.countersign.config.yaml;

import static java.util.Objects.requireNonNull;

/**
 * Where a node came from: the source name, a 1-based line and column (0 when unknown) and the field
 * path from the document root, such as {@code agents[0].grants[1].verbs}.
 */
public record Origin(String source, int line, int column, String path) {

  public Origin {
    requireNonNull(source, "source");
    requireNonNull(path, "path");
  }

  /** An origin for a whole source, without a position. */
  public static Origin of(String source) {
    return new Origin(source, 0, 0, "");
  }

  /** The path of a mapping value under this node. */
  public String childPath(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  /** The path of a sequence item under this node. */
  public String itemPath(int index) {
    return path + "[" + index + "]";
  }

  /** This origin with another path, for errors about a field that is absent from a mapping. */
  public Origin withPath(String newPath) {
    return new Origin(source, line, column, newPath);
  }

  /** {@code FILE:LINE:COL}, or {@code FILE} when the position is unknown. */
  public String position() {
    return line > 0 ? source + ":" + line + ":" + column : source;
  }
}
