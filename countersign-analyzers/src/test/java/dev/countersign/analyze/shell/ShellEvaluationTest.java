package dev.countersign.analyze.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.analyze.AnalysisException;
import dev.countersign.analyze.AnalysisException.Problem;
import dev.countersign.model.Analysis;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Measures the analyser in both directions on {@code shell/shell-cases.tsv}: several hundred
 * labelled commands as agents send them, evasion tricks included. No destructive, data-loss or
 * opaque command may be reported as anything milder (a false negative lets damage through
 * unreviewed); at most {@link #MAX_FALSE_POSITIVE_RATE} of the others may be reported as something
 * worse (a false positive costs a reviewer's time). Prints the confusion matrix.
 */
class ShellEvaluationTest {

  /**
   * The bound on over-reporting. A false positive costs a senior a look at a command that was
   * harmless; at 2% an agent that runs 500 commands a day in production sends ten of them to a
   * human for nothing, which reviewers tolerate, while the rules stay free to err on the safe side
   * where the text cannot tell (objects Countersign cannot see are stateful).
   */
  static final double MAX_FALSE_POSITIVE_RATE = 0.02;

  /** The categories, mildest first. */
  enum Category {
    SAFE,
    OPAQUE,
    DESTRUCTIVE,
    DATA_LOSS;

    static Category parse(String label) {
      return valueOf(label.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
    }

    static Category of(Analysis analysis) {
      if (analysis.dataLoss()) {
        return DATA_LOSS;
      }
      if (analysis.destructive()) {
        return DESTRUCTIVE;
      }
      return analysis.hasFinding(ShellCommands.OPAQUE) ? OPAQUE : SAFE;
    }
  }

  record Case(int line, String command, Category expected) {}

  @Test
  void labelledAgentCommands_haveNoFalseNegativesAndFewFalsePositives() throws IOException {
    List<Case> cases = cases();
    int[][] matrix = new int[4][4];
    List<String> falseNegatives = new ArrayList<>();
    List<String> falsePositives = new ArrayList<>();
    int couldBeOverReported = 0;
    for (Case c : cases) {
      Category got = categorize(c.command());
      matrix[c.expected().ordinal()][got.ordinal()]++;
      String line =
          "  line "
              + c.line()
              + ": expected "
              + c.expected()
              + ", got "
              + got
              + ": "
              + c.command().replace("\n", "\\n");
      if (got.ordinal() < c.expected().ordinal()) {
        falseNegatives.add(line);
      } else if (got.ordinal() > c.expected().ordinal()) {
        falsePositives.add(line);
      }
      if (c.expected() != Category.DATA_LOSS) {
        couldBeOverReported++;
      }
    }
    double falsePositiveRate = (double) falsePositives.size() / couldBeOverReported;
    System.out.println(
        report(cases.size(), matrix, falseNegatives, falsePositives, falsePositiveRate));

    assertThat(cases).hasSizeGreaterThanOrEqualTo(300);
    assertThat(falseNegatives).as("commands reported milder than they are").isEmpty();
    assertThat(falsePositiveRate)
        .as("false positive rate")
        .isLessThanOrEqualTo(MAX_FALSE_POSITIVE_RATE);
  }

  /** The category of a command; a comment-only command (EMPTY) runs nothing, so it is safe. */
  static Category categorize(String command) {
    try {
      return Category.of(Shell.analyze(command));
    } catch (AnalysisException e) {
      if (e.problem() == Problem.EMPTY) {
        return Category.SAFE;
      }
      throw new AssertionError("cannot analyse <" + command + ">: " + e.getMessage(), e);
    }
  }

  /** The labelled cases; "␤" in a command is a newline and "␉" a tab. */
  static List<Case> cases() throws IOException {
    List<Case> cases = new ArrayList<>();
    try (InputStream in = ShellEvaluationTest.class.getResourceAsStream("/shell/shell-cases.tsv")) {
      String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n", -1);
      for (int i = 0; i < lines.length; i++) {
        String line = lines[i];
        int tab = line.lastIndexOf('\t');
        if (line.isBlank() || tab < 0) {
          continue; // blank or a comment line
        }
        String command = line.substring(0, tab).replace('\u2424', '\n').replace('\u2409', '\t');
        cases.add(new Case(i + 1, command, Category.parse(line.substring(tab + 1))));
      }
    }
    return cases;
  }

  private static String report(
      int total,
      int[][] matrix,
      List<String> falseNegatives,
      List<String> falsePositives,
      double falsePositiveRate) {
    StringBuilder out = new StringBuilder();
    out.append("Shell analyser on ").append(total).append(" labelled commands\n");
    out.append(
        String.format(
            "%-22s%10s%10s%13s%11s%n",
            "expected \\ reported", "safe", "opaque", "destructive", "data-loss"));
    for (Category expected : Category.values()) {
      int[] row = matrix[expected.ordinal()];
      out.append(
          String.format(
              "%-22s%10d%10d%13d%11d%n",
              expected.name().toLowerCase(Locale.ROOT).replace('_', '-'),
              row[0],
              row[1],
              row[2],
              row[3]));
    }
    out.append("false negatives: ").append(falseNegatives.size()).append('\n');
    falseNegatives.forEach(l -> out.append(l).append('\n'));
    out.append(
        String.format(
            "false positives: %d (%.2f%% of the %s)%n",
            falsePositives.size(),
            100 * falsePositiveRate,
            "commands that could be over-reported"));
    falsePositives.forEach(l -> out.append(l).append('\n'));
    return out.toString();
  }
}
