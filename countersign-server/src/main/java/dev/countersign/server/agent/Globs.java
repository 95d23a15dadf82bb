package dev.countersign.server.agent;

import java.util.regex.Pattern;

/**
 * Path globs as the protected-path list and the working-directory rules write them: {@code *} within
 * a path segment, {@code **} across segments, {@code ?} one character; a leading {@code /} is
 * ignored (paths are compared without it) and a trailing {@code /} means everything below.
 */
final class Globs {
  private Globs() {}

  /** The glob as a regular expression over a path without its leading {@code /}. */
  static Pattern compile(String glob) {
    String g = glob.startsWith("/") ? glob.substring(1) : glob;
    if (g.endsWith("/")) {
      g = g + "**";
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < g.length(); i++) {
      char c = g.charAt(i);
      if (c == '*' && i + 1 < g.length() && g.charAt(i + 1) == '*') {
        out.append(".*");
        i++;
      } else if (c == '*') {
        out.append("[^/]*");
      } else if (c == '?') {
        out.append("[^/]");
      } else {
        out.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(out.toString());
  }
}
