package dev.countersign.analyze.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.countersign.analyze.AnalysisException;
import dev.countersign.analyze.InputLimits;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Any text gives an analysis or an AnalysisException with a position, nothing else, and never hangs
 * (seeded; the seed is printed; rerun with -Dcountersign.seed=N).
 */
class ShellTotalityTest {

  private static final String ALPHABET =
      "ab rm-f/;&|()<>'\"\\`$#{}!*~=\n\t0123456789cEOF[]?@,.:%^+_";
  private static final List<String> FRAGMENTS =
      List.of(
          "$(",
          "`",
          "${",
          "$((",
          "$'",
          "<<EOF\n",
          "<<-'EOF'\n",
          "\nEOF\n",
          "<<<",
          "[[",
          "]]",
          "((",
          "))",
          "case x in ",
          ";;",
          "esac",
          "bash -c '",
          "eval ",
          "sudo ",
          "xargs ",
          "find . -exec ",
          " \\;",
          "ssh h ",
          "<(",
          ">(",
          "2>&1",
          "&>",
          "f() {",
          "}",
          "a=(",
          "\\\n",
          "kubectl delete -f - <<Y\nkind: Namespace\nY\n",
          "psql -c \"",
          "| sh");
  private static final long MAX_MILLIS_PER_INPUT = 1000;

  @Test
  void randomAndMutatedText_givesAnAnalysisOrAPositionedAnalysisException() throws IOException {
    long seed = Long.getLong("countersign.seed", System.nanoTime());
    System.out.println("ShellTotalityTest seed=" + seed);
    Random random = new Random(seed);
    List<String> corpus = new ArrayList<>();
    for (ShellEvaluationTest.Case c : ShellEvaluationTest.cases()) {
      corpus.add(c.command());
    }
    for (int i = 0; i < 40_000; i++) {
      String text =
          switch (random.nextInt(3)) {
            case 0 -> randomText(random);
            case 1 -> mutate(corpus.get(random.nextInt(corpus.size())), random);
            default -> splice(random);
          };
      check(text, "seed=" + seed + " iteration=" + i);
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "$(", "`", "((", "${", "'a' ", "\"$(echo \"", "<<EOF\n", "a|", "eval ", "bash -c ",
        "x=(", "[[ ", "case a in ", "f() { ", "\\", "sudo ", "$'\\x", "<(", "echo $(( ", "x ",
        "if ", "-rf "
      })
  void largeRepetitiveInput_finishesQuickly(String unit) {
    String text = unit.repeat((int) (ShellAnalyzer.MAX_SHELL_BYTES / unit.length() / 2));
    assertTimeoutPreemptively(Duration.ofSeconds(10), () -> check(text, "unit=" + unit));
  }

  private static void check(String text, String where) {
    long start = System.nanoTime();
    try {
      ShellCommands.analyzer()
          .analyze(text.getBytes(StandardCharsets.UTF_8), InputLimits.defaults());
    } catch (AnalysisException e) {
      assertThat(e.line().isPresent() || e.byteOffset().isPresent())
          .as(where + " input=<" + text + ">: " + e.getMessage() + " has a position")
          .isTrue();
    } catch (RuntimeException | StackOverflowError e) {
      fail(where + " input=<" + abbreviate(text) + ">: " + e, e);
    }
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertThat(millis)
        .as(where + " time for <" + abbreviate(text) + ">")
        .isLessThan(MAX_MILLIS_PER_INPUT);
  }

  private static String randomText(Random r) {
    StringBuilder s = new StringBuilder();
    int length = r.nextInt(80);
    for (int i = 0; i < length; i++) {
      s.append(ALPHABET.charAt(r.nextInt(ALPHABET.length())));
    }
    return s.toString();
  }

  private static String splice(Random r) {
    StringBuilder s = new StringBuilder();
    for (int i = 0, n = 1 + r.nextInt(12); i < n; i++) {
      String random = randomText(r);
      s.append(
          r.nextBoolean()
              ? FRAGMENTS.get(r.nextInt(FRAGMENTS.size()))
              : random.substring(0, Math.min(random.length(), r.nextInt(6))));
    }
    return s.toString();
  }

  private static String mutate(String seed, Random r) {
    StringBuilder s = new StringBuilder(seed);
    for (int i = 0, n = 1 + r.nextInt(4); i < n && !s.isEmpty(); i++) {
      int at = r.nextInt(s.length());
      switch (r.nextInt(4)) {
        case 0 -> s.deleteCharAt(at);
        case 1 -> s.insert(at, ALPHABET.charAt(r.nextInt(ALPHABET.length())));
        case 2 -> s.insert(at, FRAGMENTS.get(r.nextInt(FRAGMENTS.size())));
        default -> s.setCharAt(at, ALPHABET.charAt(r.nextInt(ALPHABET.length())));
      }
    }
    return s.toString();
  }

  private static String abbreviate(String text) {
    return text.length() > 300 ? text.substring(0, 300) + "..." : text;
  }
}
