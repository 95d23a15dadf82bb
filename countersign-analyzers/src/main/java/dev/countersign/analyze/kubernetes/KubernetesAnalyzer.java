package dev.countersign.analyze.kubernetes;

import dev.countersign.analyze.AnalysisException;
import dev.countersign.analyze.AnalysisException.Problem;
import dev.countersign.analyze.Analyzer;
import dev.countersign.analyze.InputLimits;
import dev.countersign.analyze.TextDecoding;
import dev.countersign.model.Analysis;
import dev.countersign.model.BlastRadius;
import dev.countersign.model.ChangeKind;
import java.io.InputStream;
import java.util.List;

/** Decodes the input, splits it into documents and maps each one to actions. */
final class KubernetesAnalyzer implements Analyzer {

  @Override
  public ChangeKind kind() {
    return ChangeKind.KUBERNETES;
  }

  @Override
  public Analysis analyze(InputStream content, InputLimits limits) {
    InputLimits bounded =
        limits.withMaxBytes(Math.min(limits.maxBytes(), ManifestDocuments.MAX_BYTES));
    String text = TextDecoding.decode(content, bounded);
    List<Document> documents = ManifestDocuments.parse(text, bounded);
    KubernetesFacts facts = new KubernetesFacts();
    for (Document document : documents) {
      DocumentMapper.map(document, facts);
    }
    if (documents.stream().allMatch(Document::isEmpty)) {
      throw AnalysisException.of(Problem.EMPTY, "the manifest holds no documents");
    }
    return Analysis.of(kind(), facts.actions(), facts.findings(), BlastRadius.none());
  }
}
