package dev.countersign.analyze;

import dev.countersign.analyze.AnalysisException.Problem;
import dev.countersign.analyze.cloudformation.CloudFormationChangeSets;
import dev.countersign.analyze.git.PatchSeriesAnalyzer;
import dev.countersign.analyze.kubernetes.KubernetesChanges;
import dev.countersign.analyze.shell.ShellCommands;
import dev.countersign.analyze.sql.SqlAnalysis;
import dev.countersign.analyze.terraform.TerraformPlans;
import dev.countersign.model.Analysis;
import dev.countersign.model.ChangeKind;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The registry of analysers, one per format, and the detection of a change's kind from its content.
 *
 * <p>Adding a format is one line in {@link #standard()}. This is the only class of this package
 * that names the format packages.
 */
public final class Analyzers {

  private final Map<ChangeKind, Analyzer> byKind;

  private Analyzers(List<Analyzer> analyzers) {
    Map<ChangeKind, Analyzer> map = new EnumMap<>(ChangeKind.class);
    for (Analyzer a : analyzers) {
      if (map.put(a.kind(), a) != null) {
        throw new IllegalArgumentException("two analysers for " + a.kind().wire());
      }
    }
    this.byKind = map;
  }

  /** Every analyser Countersign ships. */
  public static Analyzers standard() {
    return new Analyzers(
        List.of(
            TerraformPlans.analyzer(), // terraform-plan
            CloudFormationChangeSets.analyzer(), // cloudformation-changeset
            KubernetesChanges.analyzer(), // kubernetes
            SqlAnalysis.analyzer(), // sql
            ShellCommands.analyzer(), // shell
            new PatchSeriesAnalyzer())); // git (git format-patch --stdout A..B)
  }

  /** A registry of the given analysers (for tests and embedding). */
  public static Analyzers of(List<Analyzer> analyzers) {
    return new Analyzers(analyzers);
  }

  /** The kinds this registry can analyse. */
  public Set<ChangeKind> kinds() {
    return Set.copyOf(byKind.keySet());
  }

  /** The analyser for a kind, if there is one. */
  public Optional<Analyzer> forKind(ChangeKind kind) {
    return Optional.ofNullable(byKind.get(kind));
  }

  /**
   * The kind of a change from its content (only the first 64 KiB are looked at); an {@link
   * AnalysisException} of {@link Problem#UNRECOGNIZED} when it cannot tell.
   */
  public ChangeKind detect(byte[] content) {
    ChangeKind kind = KindDetector.detect(content);
    return forKind(kind).map(Analyzer::kind).orElseThrow(() -> noAnalyzer(kind));
  }

  /** Detects the kind and analyses. */
  public Analysis analyze(byte[] content, InputLimits limits) {
    return analyze(detect(content), content, limits);
  }

  /** Analyses content of a known kind. */
  public Analysis analyze(ChangeKind kind, byte[] content, InputLimits limits) {
    return forKind(kind).orElseThrow(() -> noAnalyzer(kind)).analyze(content, limits);
  }

  /** Detects the kind from the stream's first bytes and analyses the whole stream. */
  public Analysis analyze(InputStream content, InputLimits limits) {
    BufferedInputStream in = new BufferedInputStream(content, KindDetector.HEAD_BYTES);
    try {
      in.mark(KindDetector.HEAD_BYTES);
      byte[] head = in.readNBytes(KindDetector.HEAD_BYTES);
      in.reset();
      return analyze(detect(head), in, limits);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Analyses a stream of a known kind. */
  public Analysis analyze(ChangeKind kind, InputStream content, InputLimits limits) {
    return forKind(kind).orElseThrow(() -> noAnalyzer(kind)).analyze(content, limits);
  }

  private static AnalysisException noAnalyzer(ChangeKind kind) {
    return AnalysisException.of(
        Problem.UNRECOGNIZED, "no analyser for changes of kind " + kind.wire() + " yet");
  }
}
