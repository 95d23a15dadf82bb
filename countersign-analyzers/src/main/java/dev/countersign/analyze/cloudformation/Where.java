package dev.countersign.analyze.cloudformation;

import dev.countersign.analyze.AnalysisException;
import dev.countersign.analyze.AnalysisException.Problem;

/**
 * Where a {@code Changes} entry is: its index and the line it starts on, for error messages.
 *
 * @param index the 0-based index in {@code Changes}
 * @param line the 1-based line of the input the entry starts on
 */
record Where(int index, long line) {

  /** {@code Changes[3]}. */
  String path() {
    return "Changes[" + index + "]";
  }

  /** The error for an entry of the wrong shape. */
  AnalysisException invalid(String problem) {
    return AnalysisException.at(Problem.INVALID_STRUCTURE, path() + " " + problem, line, 1, null);
  }
}
