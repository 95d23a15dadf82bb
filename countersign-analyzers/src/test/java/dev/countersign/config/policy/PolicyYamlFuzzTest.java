package dev.countersign.config.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.policy.PolicyCompiler;
import dev.countersign.policy.PolicyCompilerFactory;
import dev.countersign.policy.PolicyException;
import dev.countersign.policy.PolicySet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Totality: any bytes given as a policy file load and compile, or fail with a {@link
 * PolicyException} whose message starts with the file name; nothing else escapes. Re-run a failure
 * with {@code -Dseed=N}.
 */
class PolicyYamlFuzzTest {
  private static final int RUNS = 1500;
  private static final String ALPHABET = " \n\t:-[]{}'\"|>&*!#%@,.()=<_0123456789abcdefghijklmnopqrstuvwxyz";

  @Test
  void mutatedPolicyFiles_loadOrFailWithAPositionedPolicyException() throws IOException {
    long seed = Long.getLong("seed", System.nanoTime());
    System.out.println("PolicyYamlFuzzTest seed=" + seed + " (re-run with -Dseed=" + seed + ")");
    Random random = new Random(seed);
    String[] corpus;
    try (Stream<Path> files = Files.list(DefaultPackTest.DEFAULT_PACK)) {
      corpus = files.filter(PolicyLoader::isPolicyOrCalendar)
          .filter(p -> !p.getFileName().toString().equals(CalendarYaml.FILE_NAME))
          .map(PolicyYamlFuzzTest::read).toArray(String[]::new);
    }
    PolicyCompiler compiler = PolicyCompilerFactory.create();
    int loaded = 0;
    for (int i = 0; i < RUNS; i++) {
      String text = mutate(random, corpus[random.nextInt(corpus.length)]);
      try {
        compiler.compile(PolicySet.of(PolicyYaml.parse(text, "fuzz.yaml")));
        loaded++;
      } catch (PolicyException e) {
        assertThat(e.getMessage()).as("seed %d run %d:\n%s", seed, i, text).startsWith("fuzz.yaml");
      } catch (RuntimeException e) {
        throw new AssertionError("seed " + seed + " run " + i + ": " + e + " for:\n" + text, e);
      }
    }
    assertThat(loaded).as("some mutants should still load").isPositive();
  }

  private static String mutate(Random random, String text) {
    StringBuilder out = new StringBuilder(text);
    for (int n = 1 + random.nextInt(4); n > 0 && !out.isEmpty(); n--) {
      int at = random.nextInt(out.length());
      switch (random.nextInt(3)) {
        case 0 -> out.deleteCharAt(at);
        case 1 -> out.insert(at, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        default -> out.setCharAt(at, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
      }
    }
    return out.toString();
  }

  private static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
