package dev.countersign.analyze.cloudformation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.countersign.analyze.AnalysisException;
import dev.countersign.analyze.Analyzers;
import dev.countersign.analyze.CorpusTable;
import dev.countersign.analyze.InputLimits;
import dev.countersign.analyze.SeededMutations;
import dev.countersign.analyze.TreeMutations;
import dev.countersign.model.ChangeKind;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Any bytes give an analysis or an AnalysisException, nothing else and never a hang: seeded random
 * mutations of every corpus change set. The seed is printed and named in every failure; rerun one
 * with {@code -Dcountersign.seed=N}.
 */
class ChangeSetTotalityTest {

  private static final int ROUNDS_PER_FILE = 800;

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void mutatedCorpusChangeSets_giveAnAnalysisOrAnAnalysisException() {
    long seed = Long.getLong("countersign.seed", System.nanoTime());
    System.out.println("ChangeSetTotalityTest seed=" + seed);
    Random random = new Random(seed);
    CorpusTable corpus = CorpusTable.load("cloudformation");
    for (String file : corpus.dataFiles()) {
      byte[] original = corpus.bytes(file);
      for (int i = 0; i < ROUNDS_PER_FILE; i++) {
        byte[] mutated = SeededMutations.mutate(original, random);
        check(seed, file, i, mutated);
      }
    }
  }

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void corpusChangeSetsOfTheWrongShape_giveAnAnalysisOrAnAnalysisException() {
    long seed = Long.getLong("countersign.seed", System.nanoTime());
    System.out.println("ChangeSetTotalityTest shapes seed=" + seed);
    Random random = new Random(seed);
    CorpusTable corpus = CorpusTable.load("cloudformation");
    for (String file : corpus.dataFiles()) {
      Object tree = TreeMutations.read(corpus.bytes(file));
      for (int i = 0; i < ROUNDS_PER_FILE; i++) {
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

  private static void check(long seed, String file, int i, byte[] mutated) {
    for (Runnable run :
        List.<Runnable>of(
            () -> CloudFormationChangeSets.analyzer().analyze(mutated, InputLimits.defaults()),
            () ->
                Analyzers.standard()
                    .analyze(ChangeKind.CLOUDFORMATION_CHANGESET, mutated, InputLimits.defaults()),
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
}
