package dev.countersign.analyze.git;

import dev.countersign.analyze.git.GitFileChange.Status;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses {@code git diff -z --raw} and {@code git diff -z --numstat} output into file changes. With
 * {@code -z}, paths are written as they are, NUL-terminated: no quoting, no escapes to undo.
 */
final class DiffParser {

  private DiffParser() {}

  static List<GitFileChange> files(String raw, String numstat) {
    Map<String, long[]> lines = numstat(numstat);
    List<GitFileChange> out = new ArrayList<>();
    String[] t = raw.split("\0", -1);
    int i = 0;
    while (i < t.length) {
      String header = t[i];
      if (!header.startsWith(":")) {
        i++;
        continue;
      }
      String[] h = header.substring(1).split(" ");
      if (h.length < 5 || i + 1 >= t.length) {
        break;
      }
      Status status = Status.of(h[4]);
      boolean twoPaths = status == Status.RENAMED || status == Status.COPIED;
      String path = twoPaths && i + 2 < t.length ? t[i + 2] : t[i + 1];
      String previous = twoPaths ? t[i + 1] : "";
      i += twoPaths ? 3 : 2;
      long[] n = lines.getOrDefault(path, new long[] {0, 0, 0});
      out.add(new GitFileChange(path, previous, status, n[0], n[1], n[2] == 1, h[2], h[3]));
    }
    return out;
  }

  /** Lines added and removed, and a binary flag, by the file's (new) path. */
  private static Map<String, long[]> numstat(String numstat) {
    Map<String, long[]> out = new HashMap<>();
    String[] t = numstat.split("\0", -1);
    int i = 0;
    while (i < t.length) {
      String[] f = t[i].split("\t", 3);
      if (f.length < 3) {
        i++;
        continue;
      }
      String path = f[2];
      i++;
      if (path.isEmpty() && i + 1 < t.length) {
        path = t[i + 1];
        i += 2;
      }
      boolean binary = f[0].equals("-");
      out.put(path, new long[] {number(f[0]), number(f[1]), binary ? 1 : 0});
    }
    return out;
  }

  private static long number(String s) {
    try {
      return Long.parseLong(s.strip());
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
