package dev.countersign.analyze.shell;

import static org.assertj.core.api.Assertions.fail;

import dev.countersign.analyze.AnalysisException;
import dev.countersign.analyze.InputLimits;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Any text gives an analysis or an AnalysisException, nothing else (seeded; rerun with
 * -Dcountersign.seed=N).
 */
class ShellTotalityTest {

  private static final String ALPHABET = "ab rm-f/;&|()<>'\"\\`$#{}!*~=\n\t0123456789cEOF";
  private static final List<String> SEEDS =
      List.of(
          "rm -rf /data && echo \"done; ok\"",
          "kubectl -n x delete ns prod | tee log",
          "psql -c 'DROP TABLE a' <<EOF\nx\nEOF",
          "bash -c \"$(echo `ls`)\"",
          "git push -f origin +main",
          "terraform -chdir=a apply -replace='aws_db_instance.x[\"k\"]'",
          "find . -exec rm {} \\;");

  @Test
  void randomText_givesAnAnalysisOrAnAnalysisException() {
    long seed = Long.getLong("countersign.seed", System.nanoTime());
    System.out.println("ShellTotalityTest seed=" + seed);
    Random random = new Random(seed);
    for (int i = 0; i < 20_000; i++) {
      String text =
          random.nextBoolean()
              ? randomText(random)
              : mutate(SEEDS.get(random.nextInt(SEEDS.size())), random);
      try {
        ShellCommands.analyzer()
            .analyze(text.getBytes(StandardCharsets.UTF_8), InputLimits.defaults());
      } catch (AnalysisException expected) {
        // a typed error is a fine answer
      } catch (RuntimeException | StackOverflowError e) {
        fail("seed=" + seed + " iteration=" + i + " input=<" + text + ">: " + e, e);
      }
    }
  }

  private static String randomText(Random r) {
    StringBuilder s = new StringBuilder();
    int length = r.nextInt(60);
    for (int i = 0; i < length; i++) {
      s.append(ALPHABET.charAt(r.nextInt(ALPHABET.length())));
    }
    return s.toString();
  }

  private static String mutate(String seed, Random r) {
    StringBuilder s = new StringBuilder(seed);
    for (int i = 0, n = 1 + r.nextInt(4); i < n && !s.isEmpty(); i++) {
      int at = r.nextInt(s.length());
      switch (r.nextInt(3)) {
        case 0 -> s.deleteCharAt(at);
        case 1 -> s.insert(at, ALPHABET.charAt(r.nextInt(ALPHABET.length())));
        default -> s.setCharAt(at, ALPHABET.charAt(r.nextInt(ALPHABET.length())));
      }
    }
    return s.toString();
  }
}
