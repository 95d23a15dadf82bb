package dev.countersign.analyze.shell;

import java.util.List;
import java.util.Set;

/**
 * Skips a program's options the way getopt reads them: clusters of short flags ({@code -iu
 * postgres}), short options with a value glued or separate, long options with {@code =value} or a
 * separate value, and {@code --}. Records which short flags it saw.
 */
final class Opts {

  private final String valueLetters;
  private final Set<String> longValues;
  private final StringBuilder seen = new StringBuilder();
  private final StringBuilder seenLong = new StringBuilder();
  private int next;

  private Opts(String valueLetters, Set<String> longValues) {
    this.valueLetters = valueLetters;
    this.longValues = longValues;
  }

  /** Skips options from {@code from}; {@link #next()} is then the first operand. */
  static Opts skip(List<Word> words, int from, String valueLetters, Set<String> longValues) {
    Opts opts = new Opts(valueLetters, longValues);
    opts.run(words, from);
    return opts;
  }

  private void run(List<Word> words, int from) {
    int i = from;
    while (i < words.size()) {
      String w = words.get(i).text();
      if (w.equals("--")) {
        i++;
        break;
      }
      if (w.length() < 2 || w.charAt(0) != '-') {
        break;
      }
      if (w.startsWith("--")) {
        seenLong.append('~').append(w).append('~');
        i += longValues.contains(w) ? 2 : 1;
      } else {
        i += cluster(w);
      }
    }
    next = Math.min(i, words.size());
  }

  /** Returns how many words the cluster takes: 2 when its last letter wants the next word. */
  private int cluster(String w) {
    for (int j = 1; j < w.length(); j++) {
      char c = w.charAt(j);
      seen.append(c);
      if (valueLetters.indexOf(c) >= 0) {
        return j == w.length() - 1 ? 2 : 1;
      }
    }
    return 1;
  }

  /** The index of the first word after the options. */
  int next() {
    return next;
  }

  /** Whether a short flag was seen, alone or in a cluster. */
  boolean saw(char flag) {
    return seen.indexOf(String.valueOf(flag)) >= 0;
  }

  /** Whether a long option was seen (without its value). */
  boolean saw(String longOption) {
    return seenLong.indexOf("~" + longOption + "~") >= 0
        || seenLong.indexOf("~" + longOption + "=") >= 0;
  }
}
