package dev.countersign.config.policy;

import static java.util.Objects.requireNonNull;

import dev.countersign.directory.Directory;
import dev.countersign.policy.DecisionInput;
import dev.countersign.policy.Outcome;
import dev.countersign.policy.Review;
import java.util.List;
import java.util.Optional;

/** One test of a policy test file: the inputs to decide and what the decision must look like. */
record PolicyTestCase(
    String file,
    String name,
    String position,
    DecisionInput input,
    List<Review> reviews,
    Directory directory,
    Expectation expect) {

  PolicyTestCase {
    requireNonNull(file, "file");
    requireNonNull(name, "name");
    requireNonNull(position, "position");
    requireNonNull(input, "input");
    reviews = List.copyOf(reviews);
    requireNonNull(directory, "directory");
    requireNonNull(expect, "expect");
  }

  /**
   * What a test expects.
   *
   * @param decision the outcome
   * @param matched rule names that must be among the matched rules
   * @param notMatched rule names that must not be
   * @param outstanding approvals still missing, summed over the outstanding requirements
   * @param reasonsContain texts each of which some reason must contain
   */
  record Expectation(
      Outcome decision,
      List<String> matched,
      List<String> notMatched,
      Optional<Integer> outstanding,
      List<String> reasonsContain) {
    Expectation {
      requireNonNull(decision, "decision");
      matched = List.copyOf(matched);
      notMatched = List.copyOf(notMatched);
      requireNonNull(outstanding, "outstanding");
      reasonsContain = List.copyOf(reasonsContain);
    }
  }
}
