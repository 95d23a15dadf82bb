package dev.countersign.analyze.git;

import dev.countersign.analyze.AnalysisException;
import dev.countersign.analyze.InputLimits;
import dev.countersign.digest.CanonicalJson;
import dev.countersign.digest.Digests;
import dev.countersign.model.Action;
import dev.countersign.model.Analysis;
import dev.countersign.model.BlastRadius;
import dev.countersign.model.ChangeKind;
import dev.countersign.model.Finding;
import dev.countersign.model.Severity;
import dev.countersign.model.Verb;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Analyses a commit range of a git repository ({@code countersign analyze --kind git REPO A..B}):
 * one action per changed file and, per commit, an {@code ai-provenance} finding saying whether an
 * AI agent took part and on what evidence.
 *
 * <p>Unlike the other analysers this one is not bytes-in: it runs the real {@code git} binary (see
 * {@code GitProcess}) on a repository path, with the range checked first, so it has its own entry
 * point instead of an {@link dev.countersign.analyze.Analyzer}.
 */
public final class GitRangeAnalyzer {

  /** The code of the per-commit provenance finding. */
  public static final String AI_PROVENANCE = "ai-provenance";

  /** The code of the range-level finding raised when any commit is AI-assisted. */
  public static final String AI_ASSISTED = "ai-assisted";

  /** How long one git command may run by default. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

  private GitRangeAnalyzer() {}

  /**
   * The range's commits, files and provenance, read with git.
   *
   * @throws AnalysisException when the range is not a safe {@code A..B} / {@code A...B}
   *     (MALFORMED), names no commit (INVALID_STRUCTURE), the path is not a repository
   *     (UNRECOGNIZED), or git runs longer than the timeout or prints more than {@code
   *     limits.maxBytes()} (TOO_LARGE)
   */
  public static GitRange read(Path repo, String range, InputLimits limits, Duration timeout) {
    GitProcess git = new GitProcess(repo, timeout, limits.maxBytes(), "git");
    return new RangeReader(git, repo).read(range);
  }

  /** Analyses the range: actions per changed file, provenance findings per commit. */
  public static Analysis analyze(Path repo, String range, InputLimits limits) {
    return analysis(read(repo, range, limits, DEFAULT_TIMEOUT));
  }

  /** Analyses the range with a given bound on each git command's run time. */
  public static Analysis analyze(Path repo, String range, InputLimits limits, Duration timeout) {
    return analysis(read(repo, range, limits, timeout));
  }

  /** The analysis of a range already read. */
  public static Analysis analysis(GitRange range) {
    List<Action> actions = new ArrayList<>();
    for (GitFileChange f : range.files()) {
      actions.add(action(f));
    }
    List<Finding> findings = new ArrayList<>();
    for (GitCommit c : range.commits()) {
      findings.add(provenance(c));
    }
    long ai = range.commits().stream().filter(GitCommit::aiAssisted).count();
    if (ai > 0) {
      findings.add(
          new Finding(
              Severity.INFO,
              AI_ASSISTED,
              ai
                  + " of the "
                  + range.commits().size()
                  + " commits of "
                  + range.range()
                  + " are AI-assisted ("
                  + String.join(", ", range.tools())
                  + ").",
              range.range()));
    }
    if (range.commits().isEmpty()) {
      findings.add(
          new Finding(
              Severity.INFO, "empty-range", range.range() + " holds no commit.", range.range()));
    }
    return Analysis.of(ChangeKind.GIT, actions, findings, BlastRadius.none());
  }

  private static Action action(GitFileChange f) {
    Verb verb =
        switch (f.status()) {
          case ADDED, COPIED -> Verb.CREATE;
          case DELETED -> Verb.DELETE;
          default -> Verb.UPDATE;
        };
    String lines =
        " (+" + f.linesAdded() + " -" + f.linesRemoved() + (f.binary() ? ", binary" : "") + ")";
    String reason =
        switch (f.status()) {
          case RENAMED -> "renamed from " + f.previousPath() + lines;
          case COPIED -> "copied from " + f.previousPath() + lines;
          default -> f.status().name().toLowerCase(Locale.ROOT).replace('_', ' ') + lines;
        };
    String hash =
        Digests.sha256Hex(
            CanonicalJson.write(
                Map.of("after", f.newBlob(), "before", f.oldBlob(), "from", f.previousPath())));
    return new Action(verb, "file", f.path(), "", false, reason, hash);
  }

  private static Finding provenance(GitCommit c) {
    String who = "Commit " + c.shortSha() + " by " + c.author() + ": ";
    String message =
        c.aiAssisted()
            ? who + "AI-assisted (" + c.tool() + "): " + String.join("; ", c.evidence()) + "."
            : who + "no AI marker (no agent trailer, author or refs/notes/ai note).";
    return new Finding(Severity.INFO, AI_PROVENANCE, message, c.sha());
  }
}
