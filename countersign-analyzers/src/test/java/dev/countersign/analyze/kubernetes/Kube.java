package dev.countersign.analyze.kubernetes;

import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.countersign.analyze.AnalysisException;
import dev.countersign.analyze.InputLimits;
import dev.countersign.model.Action;
import dev.countersign.model.Analysis;
import dev.countersign.model.Finding;
import java.nio.charset.StandardCharsets;

/** Helpers for Kubernetes analyser tests. */
final class Kube {

  private Kube() {}

  static Analysis analyze(String text) {
    return KubernetesChanges.analyzer()
        .analyze(text.getBytes(StandardCharsets.UTF_8), InputLimits.defaults());
  }

  static Action only(String text) {
    Analysis analysis = analyze(text);
    if (analysis.actions().size() != 1) {
      throw new AssertionError("expected one action, got " + analysis.actions());
    }
    return analysis.actions().get(0);
  }

  static AnalysisException error(String text) {
    return catchThrowableOfType(AnalysisException.class, () -> analyze(text));
  }

  static Finding finding(Analysis analysis, String code) {
    return analysis.findings().stream()
        .filter(f -> f.code().equals(code))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + code + " in " + analysis.findings()));
  }

  /** A bare admission request (JSON) for an operation on a kind, with object members (or ""). */
  static String request(String operation, String kind, String resource, String members) {
    return "{\"uid\":\"u-1\",\"kind\":{\"group\":\"\",\"version\":\"v1\",\"kind\":\""
        + kind
        + "\"},\"resource\":{\"group\":\"\",\"version\":\"v1\",\"resource\":\""
        + resource
        + "\"},\"operation\":\""
        + operation
        + "\",\"userInfo\":{\"username\":\"kiro-7\"}"
        + (members.isEmpty() ? "" : "," + members)
        + "}";
  }

  /** The same request inside an {@code AdmissionReview} envelope. */
  static String review(String request) {
    return "{\"apiVersion\":\"admission.k8s.io/v1\",\"kind\":\"AdmissionReview\",\"request\":"
        + request
        + "}";
  }
}
