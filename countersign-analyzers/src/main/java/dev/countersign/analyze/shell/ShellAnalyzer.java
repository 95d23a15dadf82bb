package dev.countersign.analyze.shell;

import dev.countersign.analyze.AnalysisException.Problem;
import dev.countersign.analyze.Analyzer;
import dev.countersign.analyze.InputLimits;
import dev.countersign.analyze.TextDecoding;
import dev.countersign.model.Analysis;
import dev.countersign.model.BlastRadius;
import dev.countersign.model.ChangeKind;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Analyses shell command text as agents send it: one action per simple command (or more). */
final class ShellAnalyzer implements Analyzer {

  /** Shell input is bounded at 1 MiB whatever the limits say: no agent sends a longer command. */
  static final long MAX_SHELL_BYTES = 1024 * 1024;

  /** Nested scripts may make the analysis parse at most this many times the input text. */
  private static final int REPARSE_FACTOR = 4;

  @Override
  public ChangeKind kind() {
    return ChangeKind.SHELL;
  }

  @Override
  public Analysis analyze(InputStream content, InputLimits limits) {
    InputLimits bounded = limits.withMaxBytes(Math.min(limits.maxBytes(), MAX_SHELL_BYTES));
    String text = TextDecoding.decode(content, bounded);
    return analyze(text, limits.maxDepth());
  }

  /**
   * Analyses bytes held in memory. Plain ASCII (what agents send almost always) is the same text in
   * every accepted encoding, so it skips the stream decoder and its 64 KiB buffer; anything else (a
   * byte-order mark, UTF-8 beyond ASCII, UTF-16) goes through {@link TextDecoding}.
   */
  @Override
  public Analysis analyze(byte[] content, InputLimits limits) {
    limits.checkSize(content.length);
    if (content.length > MAX_SHELL_BYTES || !plainAscii(content)) {
      return analyze(new java.io.ByteArrayInputStream(content), limits);
    }
    return analyze(new String(content, StandardCharsets.US_ASCII), limits.maxDepth());
  }

  /** ASCII without NUL: no byte-order mark, and nothing a UTF-16 sniffer would look at. */
  private static boolean plainAscii(byte[] content) {
    for (byte b : content) {
      if (b <= 0) {
        return false;
      }
    }
    return true;
  }

  /** Analyses decoded text. */
  static Analysis analyze(String text, int maxDepth) {
    ShellRun run = new ShellRun(maxDepth, new Bounds(maxDepth, text.length(), REPARSE_FACTOR));
    try {
      int nul = text.indexOf('\0');
      if (nul >= 0) {
        throw new ShellSyntaxError(
            Problem.MALFORMED, "a shell command cannot contain a NUL character", nul);
      }
      run.top(text);
    } catch (ShellSyntaxError e) {
      throw ShellErrors.at(e, text);
    }
    if (run.actions().isEmpty()) {
      throw ShellErrors.at(
          new ShellSyntaxError(
              Problem.EMPTY,
              "the shell command is empty (only whitespace, comments or separators)",
              text.length()),
          text);
    }
    return Analysis.of(ChangeKind.SHELL, run.actions(), run.findings(), BlastRadius.none());
  }
}
