package dev.countersign.analyze.shell;

import dev.countersign.analyze.AnalysisException;

/** Turns a {@link ShellSyntaxError} into an error that points at a line and column. */
final class ShellErrors {

  private ShellErrors() {}

  static AnalysisException at(ShellSyntaxError e, String text) {
    int offset = Math.max(0, Math.min(e.offset(), text.length()));
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < offset; i++) {
      if (text.charAt(i) == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    return AnalysisException.at(e.problem(), e.getMessage(), line, offset - lineStart + 1L, null);
  }
}
