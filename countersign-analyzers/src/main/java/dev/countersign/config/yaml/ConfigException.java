package dev.countersign.config.yaml;

import static java.util.Objects.requireNonNull;

/**
 * A configuration file that cannot be used, with where and why: {@code FILE:LINE:COL: field 'x':
 * problem}. Unchecked; the message is written for the person who edits the file.
 */
public final class ConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private static final int SHOWN = 60;

  private final transient Origin origin;
  private final String problem;

  /** An error at a node or field; control characters in the problem are shown escaped. */
  public ConfigException(Origin origin, String problem) {
    super(printable(format(origin, problem)));
    this.origin = requireNonNull(origin, "origin");
    this.problem = printable(problem);
  }

  /**
   * An error about a whole source, without a position (unreadable file, too large, bad encoding).
   */
  public static ConfigException about(String source, String problem) {
    return new ConfigException(Origin.of(source), problem);
  }

  /** Where the problem is. */
  public Origin origin() {
    return origin;
  }

  /** The source name, usually a file path. */
  public String source() {
    return origin.source();
  }

  /** The 1-based line, or 0 when unknown. */
  public int line() {
    return origin.line();
  }

  /** The 1-based column, or 0 when unknown. */
  public int column() {
    return origin.column();
  }

  /** The field path, such as {@code humans[2].level}; empty for the document itself. */
  public String path() {
    return origin.path();
  }

  /** The problem alone, without the position. */
  public String problem() {
    return problem;
  }

  /** {@code text} in single quotes, shortened past 60 characters, for messages. */
  public static String quote(String text) {
    return "'" + (text.length() > SHOWN ? text.substring(0, SHOWN) + "…" : text) + "'";
  }

  /** Escapes control characters so that a message stays on one line and cannot drive a terminal. */
  private static String printable(String text) {
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints()
        .forEach(
            c -> {
              if (Character.isISOControl(c) || c == 0x2028 || c == 0x2029) {
                out.append(
                    switch (c) {
                      case '\n' -> "\\n";
                      case '\t' -> "\\t";
                      case '\r' -> "\\r";
                      default -> String.format("\\u%04X", c);
                    });
              } else {
                out.appendCodePoint(c);
              }
            });
    return out.toString();
  }

  private static String format(Origin origin, String problem) {
    String field = origin.path().isEmpty() ? "" : "field '" + origin.path() + "': ";
    return origin.position() + ": " + field + problem;
  }
}
