package dev.countersign.config.policy;

import java.util.List;

/**
 * The results of running a directory's policy tests, like {@code opa test}.
 *
 * @param results one per test, in file then test order
 * @param errors files that could not be used (bad YAML, a policy that does not compile, no tests),
 *     each {@code FILE:LINE:COL: problem}
 */
public record PolicyTestReport(List<PolicyTestResult> results, List<String> errors) {
  public PolicyTestReport {
    results = List.copyOf(results);
    errors = List.copyOf(errors);
  }

  /** How many tests passed. */
  public long passedCount() {
    return results.stream().filter(PolicyTestResult::passed).count();
  }

  /** How many tests failed. */
  public long failedCount() {
    return results.size() - passedCount();
  }

  /** Whether every test passed and every file was usable. */
  public boolean ok() {
    return errors.isEmpty() && failedCount() == 0;
  }

  /** The CLI exit code: 0 all pass, 1 a test failed, 2 a file was bad. */
  public int exitCode() {
    if (!errors.isEmpty()) {
      return 2;
    }
    return failedCount() == 0 ? 0 : 1;
  }

  /** A readable report: one line per test, the differences under each failure, then a summary. */
  public String render() {
    StringBuilder out = new StringBuilder();
    for (String e : errors) {
      out.append("ERROR ").append(e).append('\n');
    }
    for (PolicyTestResult r : results) {
      out.append(r.passed() ? "PASS " : "FAIL ").append(r.file()).append(": ").append(r.name()).append('\n');
      if (!r.passed()) {
        out.append("     at ").append(r.position()).append('\n');
        for (String f : r.failures()) {
          out.append("     - ").append(f).append('\n');
        }
        out.append("     got: ").append(r.actual()).append('\n');
      }
    }
    out.append(passedCount()).append(" passed, ").append(failedCount()).append(" failed");
    if (!errors.isEmpty()) {
      out.append(", ").append(errors.size()).append(errors.size() == 1 ? " bad file" : " bad files");
    }
    return out.append('\n').toString();
  }
}
