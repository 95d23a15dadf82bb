package dev.countersign.policy;

import static java.util.Objects.requireNonNull;

/**
 * Where something sits in a policy file: the file name as the user gave it, a 1-based line and a
 * 1-based column.
 */
public record SourcePosition(String file, int line, int column) {
  public SourcePosition {
    requireNonNull(file, "file");
    if (line < 1 || column < 1) {
      throw new IllegalArgumentException("line and column are 1-based: " + line + ":" + column);
    }
  }

  /** A position for rules built in code rather than read from a file. */
  public static SourcePosition inline(String name) {
    return new SourcePosition(name, 1, 1);
  }

  /** The {@code FILE:LINE:COL} form editors and compilers use. */
  @Override
  public String toString() {
    return file + ":" + line + ":" + column;
  }
}
