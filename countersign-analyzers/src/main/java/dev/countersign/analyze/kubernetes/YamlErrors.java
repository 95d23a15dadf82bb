package dev.countersign.analyze.kubernetes;

import dev.countersign.analyze.AnalysisException;
import dev.countersign.analyze.AnalysisException.Problem;
import dev.countersign.config.yaml.ConfigException;

/**
 * Turns {@link ConfigException}s of the YAML reader into {@link AnalysisException}s with the same
 * position, naming the kind of problem from the reader's wording (tested for each kind, so a change
 * of wording fails a test rather than the classification).
 */
final class YamlErrors {

  private YamlErrors() {}

  /** The analysis error for a YAML reader error. */
  static AnalysisException translate(ConfigException e) {
    String problem = e.problem();
    String field = e.path().isEmpty() ? "" : "field '" + e.path() + "': ";
    return AnalysisException.at(
        classify(problem), "YAML: " + field + problem, e.line(), e.column(), e);
  }

  private static Problem classify(String problem) {
    if (problem.startsWith("duplicate key")) {
      return Problem.DUPLICATE_KEY;
    }
    if (problem.contains("nested deeper")) {
      return Problem.TOO_DEEP;
    }
    if (problem.contains("alias bomb")
        || problem.contains("nodes")
        || problem.startsWith("larger than the limit")) {
      return Problem.TOO_LARGE;
    }
    if (problem.startsWith("not valid UTF-8")) {
      return Problem.INVALID_ENCODING;
    }
    return Problem.MALFORMED;
  }
}
