package dev.countersign.analyze.shell;

import dev.countersign.analyze.AnalysisException;
import dev.countersign.analyze.AnalysisException.Problem;
import dev.countersign.analyze.Analyzer;
import dev.countersign.analyze.InputLimits;
import dev.countersign.analyze.TextDecoding;
import dev.countersign.model.Analysis;
import dev.countersign.model.BlastRadius;
import dev.countersign.model.ChangeKind;
import java.io.InputStream;

/** Analyses shell command text as agents send it: one action per simple command (or more). */
final class ShellAnalyzer implements Analyzer {

  /** Shell input is bounded at 1 MiB whatever the limits say: no agent sends a longer command. */
  static final long MAX_SHELL_BYTES = 1024 * 1024;

  @Override
  public ChangeKind kind() {
    return ChangeKind.SHELL;
  }

  @Override
  public Analysis analyze(InputStream content, InputLimits limits) {
    InputLimits bounded = limits.withMaxBytes(Math.min(limits.maxBytes(), MAX_SHELL_BYTES));
    String text = TextDecoding.decode(content, bounded);
    int nul = text.indexOf('\0');
    if (nul >= 0) {
      throw ShellErrors.at(
          Problem.MALFORMED, "a shell command cannot contain a NUL character", text, nul);
    }
    ShellRun run = new ShellRun(limits.maxDepth());
    run.script(text, "", 0);
    if (run.actions().isEmpty()) {
      throw AnalysisException.of(
          Problem.EMPTY, "the shell command is empty (only whitespace, comments or separators)");
    }
    return Analysis.of(ChangeKind.SHELL, run.actions(), run.findings(), BlastRadius.none());
  }
}
