package dev.countersign.config.policy;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * The result of one policy test.
 *
 * @param file the test file
 * @param name the test's name
 * @param position where the test starts, {@code FILE:LINE:COL}
 * @param failures what differed from the expectation, one sentence each; empty when it passed
 * @param actual the decision that was made, in one line, for the report
 */
public record PolicyTestResult(String file, String name, String position, List<String> failures, String actual) {
  public PolicyTestResult {
    requireNonNull(file, "file");
    requireNonNull(name, "name");
    requireNonNull(position, "position");
    failures = List.copyOf(failures);
    requireNonNull(actual, "actual");
  }

  /** Whether the decision matched every expectation. */
  public boolean passed() {
    return failures.isEmpty();
  }
}
