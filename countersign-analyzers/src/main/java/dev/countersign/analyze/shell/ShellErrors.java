package dev.countersign.analyze.shell;

import dev.countersign.analyze.AnalysisException;
import dev.countersign.analyze.AnalysisException.Problem;

/** Errors that point at a line and column of the shell text. */
final class ShellErrors {

  private ShellErrors() {}

  static AnalysisException at(Problem problem, String message, String text, int offset) {
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < Math.min(offset, text.length()); i++) {
      if (text.charAt(i) == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    return AnalysisException.at(problem, message, line, offset - lineStart + 1L, null);
  }
}
