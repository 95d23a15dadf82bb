package dev.countersign.analyze.shell;

import dev.countersign.analyze.AnalysisException.Problem;

/**
 * A problem found while reading shell text, with its offset; {@link ShellAnalyzer} turns it into an
 * {@link dev.countersign.analyze.AnalysisException} with a line and column of the submitted text.
 */
final class ShellSyntaxError extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final Problem problem;
  private final int offset;

  ShellSyntaxError(Problem problem, String message, int offset) {
    super(message, null, false, false);
    this.problem = problem;
    this.offset = offset;
  }

  Problem problem() {
    return problem;
  }

  /** The offset in the submitted text (0-based). */
  int offset() {
    return offset;
  }
}
