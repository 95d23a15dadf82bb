package dev.countersign.analyze.kubernetes;

import dev.countersign.analyze.Analyzer;

/** The entry point of the Kubernetes manifest and admission request analyser. */
public final class KubernetesChanges {

  private static final Analyzer ANALYZER = new KubernetesAnalyzer();

  private KubernetesChanges() {}

  /** The analyser for Kubernetes manifests and admission requests. */
  public static Analyzer analyzer() {
    return ANALYZER;
  }
}
