package dev.countersign.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.model.Action;
import dev.countersign.model.BlastRadius;
import dev.countersign.model.Verb;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Mapping is total: any service names, resource types and addresses give a blast radius, never an
 * exception. Replay with {@code -Dmapping.seed=N}.
 */
class BlastRadiiRandomTest {
  private static final String ALPHABET = "abcAB-_./: \t[]\"*0Namespace/kubernetes";

  private static String text(SplittableRandom random) {
    StringBuilder b = new StringBuilder();
    for (int i = random.nextInt(12); i > 0; i--) {
      b.append(random.nextInt(10) == 0 ? (char) random.nextInt(0x3000) : ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return b.toString();
  }

  @Test
  void anyServiceNamesAndAddresses_giveABlastRadius() {
    long seed = Long.getLong("mapping.seed", System.nanoTime());
    System.out.println("BlastRadiiRandomTest seed=" + seed + " (replay with -Dmapping.seed=" + seed + ")");
    SplittableRandom random = new SplittableRandom(seed);
    CatalogGraph graph = CatalogGraph.of(CatalogGraphTest.ENTITIES, CatalogGraphTest.EDGES);
    Verb[] verbs = Verb.values();
    for (int run = 0; run < 5_000; run++) {
      List<String> services = new ArrayList<>();
      for (int i = random.nextInt(3); i > 0; i--) {
        services.add(random.nextBoolean() ? text(random) : "wayback-" + text(random));
      }
      List<Action> actions = new ArrayList<>();
      for (int i = random.nextInt(3); i > 0; i--) {
        String type = random.nextBoolean() ? "kubernetes/" + text(random) : text(random);
        actions.add(new Action(verbs[random.nextInt(verbs.length)], type, text(random), text(random), false, "", ""));
      }
      BlastRadius b = BlastRadii.compute(graph, services, actions);
      assertThat(b.services()).as("seed=" + seed + " run=" + run).allMatch(s -> !s.id().isEmpty());
    }
  }
}
