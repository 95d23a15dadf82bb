package dev.countersign.analyze.git;

import dev.countersign.analyze.AnalysisException;
import dev.countersign.analyze.AnalysisException.Problem;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A commit range as given on the command line, {@code A..B} or {@code A...B}, checked before it
 * reaches git: each side is a plain revision (a ref name, a hash, {@code HEAD~2}, {@code v1.0^},
 * {@code main@{1}}), never an option such as {@code --upload-pack=…}, never a path or a shell word.
 * An empty side means {@code HEAD}, as in git.
 *
 * @param from the excluded side
 * @param to the included side
 * @param symmetric whether the range is {@code A...B} (both sides, from their merge base)
 */
record RevisionRange(String from, String to, boolean symmetric) {

  /** A revision: no leading dash, no two dots in a row, no spaces, quotes or shell characters. */
  private static final String REVISION = "[A-Za-z0-9_](?:[A-Za-z0-9_/@{}~^+-]|\\.(?!\\.))*";

  private static final Pattern RANGE =
      Pattern.compile("(" + REVISION + ")?(\\.\\.\\.?)(" + REVISION + ")?");
  private static final int MAX_LENGTH = 256;

  /** Parses and checks a range; a {@link Problem#MALFORMED} error naming it otherwise. */
  static RevisionRange parse(String range) {
    Matcher m = RANGE.matcher(range);
    if (range.length() > MAX_LENGTH || !m.matches() || (m.group(1) == null && m.group(3) == null)) {
      throw AnalysisException.of(
          Problem.MALFORMED,
          "'"
              + printable(range)
              + "' is not a commit range: give it as A..B or A...B, where A and"
              + " B are branch or tag names, commit hashes or expressions such as HEAD~3");
    }
    String from = m.group(1) == null ? "HEAD" : m.group(1);
    String to = m.group(3) == null ? "HEAD" : m.group(3);
    return new RevisionRange(from, to, m.group(2).length() == 3);
  }

  /** The range as git reads it. */
  String spec() {
    return from + (symmetric ? "..." : "..") + to;
  }

  private static String printable(String s) {
    String cut = s.length() > 80 ? s.substring(0, 80) + "…" : s;
    return cut.replaceAll("\\p{Cntrl}", "?");
  }
}
