package dev.countersign.analyze;

import dev.countersign.model.Analysis;
import dev.countersign.model.ChangeKind;
import java.io.ByteArrayInputStream;
import java.io.InputStream;

/**
 * Turns one format of change (a Terraform plan, a shell command, ...) into normalized actions.
 *
 * <p>An analyser is a pure function of its input: no I/O besides reading the given stream, no
 * clock, no randomness. Any input gives an {@link Analysis} or an {@link AnalysisException};
 * nothing else. I/O failures of the stream itself surface as {@link java.io.UncheckedIOException}.
 */
public interface Analyzer {

  /** The format this analyser reads. */
  ChangeKind kind();

  /**
   * Analyses the whole stream, reading it once and front to back, so that large inputs need not fit
   * in memory. The stream is not closed.
   */
  Analysis analyze(InputStream content, InputLimits limits);

  /** Analyses content held in memory. */
  default Analysis analyze(byte[] content, InputLimits limits) {
    limits.checkSize(content.length);
    return analyze(new ByteArrayInputStream(content), limits);
  }
}
