package dev.countersign.analyze.kubernetes;

import dev.countersign.analyze.AnalysisException;
import dev.countersign.analyze.AnalysisException.Problem;

/**
 * Where a value is in the input, for error messages.
 *
 * @param path e.g. {@code document 2, items[3]}
 * @param line the 1-based line of the document it is in
 */
record Where(String path, long line) {

  /** A value inside this one. */
  Where child(String name) {
    return new Where(path + ", " + name, line);
  }

  /** The error for a value of the wrong shape. */
  AnalysisException invalid(String problem) {
    return AnalysisException.at(Problem.INVALID_STRUCTURE, path + " " + problem, line, 1, null);
  }
}
