package dev.countersign.analyze.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.countersign.analyze.AnalysisException;
import dev.countersign.analyze.Analyzers;
import dev.countersign.analyze.CorpusTable;
import dev.countersign.analyze.InputLimits;
import dev.countersign.analyze.SeededMutations;
import dev.countersign.analyze.TreeMutations;
import dev.countersign.model.ChangeKind;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Any bytes give an analysis or an AnalysisException, nothing else and never a hang: seeded random
 * mutations of every corpus manifest and admission request. The seed is printed and named in every
 * failure; rerun one with {@code -Dcountersign.seed=N}.
 */
class KubernetesTotalityTest {

  private static final int ROUNDS_PER_FILE = 400;

  @Test
  @Timeout(value = 180, unit = TimeUnit.SECONDS)
  void mutatedCorpusFiles_giveAnAnalysisOrAnAnalysisException() {
    long seed = Long.getLong("countersign.seed", System.nanoTime());
    System.out.println("KubernetesTotalityTest seed=" + seed);
    Random random = new Random(seed);
    CorpusTable corpus = CorpusTable.load("kubernetes");
    for (String file : corpus.dataFiles()) {
      byte[] original = corpus.bytes(file);
      for (int i = 0; i < ROUNDS_PER_FILE; i++) {
        check(seed, file, i, SeededMutations.mutate(original, random));
      }
    }
  }

  private static void check(long seed, String file, int i, byte[] mutated) {
    for (Runnable run :
        List.<Runnable>of(
            () -> KubernetesChanges.analyzer().analyze(mutated, InputLimits.defaults()),
            () -> detectThenAnalyze(mutated))) {
      try {
        run.run();
      } catch (AnalysisException expected) {
        assertThat(expected.getMessage()).isNotBlank();
      } catch (RuntimeException | StackOverflowError e) {
        fail("seed=" + seed + " file=" + file + " iteration=" + i + ": " + e, e);
      }
    }
  }

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void corpusDocumentsOfTheWrongShape_giveAnAnalysisOrAnAnalysisException() {
    long seed = Long.getLong("countersign.seed", System.nanoTime());
    System.out.println("KubernetesTotalityTest shapes seed=" + seed);
    Random random = new Random(seed);
    CorpusTable corpus = CorpusTable.load("kubernetes");
    for (String file : corpus.dataFiles()) {
      String text = new String(corpus.bytes(file), StandardCharsets.UTF_8);
      List<Document> documents = ManifestDocuments.parse(text, InputLimits.defaults());
      for (int i = 0; i < ROUNDS_PER_FILE; i++) {
        Object tree = documents.get(random.nextInt(documents.size())).value();
        check(seed, file, i, TreeMutations.write(TreeMutations.mutate(tree, random)));
      }
    }
  }

  /** Detection must be total too; other formats' analysers are tested in their own packages. */
  private static void detectThenAnalyze(byte[] bytes) {
    Analyzers analyzers = Analyzers.standard();
    ChangeKind kind = analyzers.detect(bytes);
    if (kind == ChangeKind.CLOUDFORMATION_CHANGESET || kind == ChangeKind.KUBERNETES) {
      analyzers.analyze(kind, bytes, InputLimits.defaults());
    }
  }
}
