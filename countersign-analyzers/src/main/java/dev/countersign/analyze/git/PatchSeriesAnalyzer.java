package dev.countersign.analyze.git;

import dev.countersign.analyze.AnalysisException;
import dev.countersign.analyze.AnalysisException.Problem;
import dev.countersign.analyze.Analyzer;
import dev.countersign.analyze.InputLimits;
import dev.countersign.model.Analysis;
import dev.countersign.model.ChangeKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Analyses a patch series, the output of {@code git format-patch --stdout A..B}, as bytes: the same
 * {@link Analysis} as {@link GitRangeAnalyzer} gives for the range (one action per file changed
 * over the series, an {@code ai-provenance} finding per commit, an {@code ai-assisted} finding for
 * the series), without a repository, so that the HTTP API can take git changes.
 *
 * <p>What a patch series does not carry, it cannot tell: the committer (only the author is
 * written), {@code refs/notes/ai} notes unless it was made with {@code --notes=ai}, and full blob
 * hashes unless it was made with {@code --full-index} (and none for a rename with no change). File changes are composed commit by commit, so lines added and removed are
 * summed over the commits rather than measured from the base to the end.
 */
public final class PatchSeriesAnalyzer implements Analyzer {

  /** At most this many commits in one series. */
  public static final int MAX_COMMITS = 10_000;

  /** At most this many file changes over all the commits of one series. */
  public static final int MAX_FILE_CHANGES = 200_000;

  private final int maxCommits;
  private final int maxFileChanges;

  /** An analyser with the default bounds on commits and file changes. */
  public PatchSeriesAnalyzer() {
    this(MAX_COMMITS, MAX_FILE_CHANGES);
  }

  /** An analyser with the given bounds on commits and file changes (for tests and embedding). */
  public PatchSeriesAnalyzer(int maxCommits, int maxFileChanges) {
    if (maxCommits <= 0 || maxFileChanges <= 0) {
      throw new IllegalArgumentException("bounds must be positive");
    }
    this.maxCommits = maxCommits;
    this.maxFileChanges = maxFileChanges;
  }

  @Override
  public ChangeKind kind() {
    return ChangeKind.GIT;
  }

  @Override
  public Analysis analyze(InputStream content, InputLimits limits) {
    return GitRangeAnalyzer.analysis(read(content, limits));
  }

  /** The series as a range: its commits (newest first) and the files it changes. */
  public GitRange read(InputStream content, InputLimits limits) {
    byte[] bytes = readBounded(content, limits);
    // ISO-8859-1 maps every byte to one char and back: paths and messages are re-decoded as UTF-8
    // where they are taken out, so no byte sequence can fail here.
    String text = new String(bytes, StandardCharsets.ISO_8859_1);
    return new PatchSeriesParser(text, maxCommits, maxFileChanges).parse();
  }

  private static byte[] readBounded(InputStream in, InputLimits limits) {
    try {
      long max = limits.maxBytes();
      byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 16, max + 1));
      limits.checkSize(bytes.length);
      if (bytes.length == 0) {
        throw AnalysisException.of(Problem.EMPTY, "the patch series is empty");
      }
      return bytes;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
