package dev.countersign.config.policy;

import dev.countersign.config.yaml.ConfigException;
import dev.countersign.config.yaml.SafeYaml;
import dev.countersign.policy.Decision;
import dev.countersign.policy.EngineConfig;
import dev.countersign.policy.PolicyEngine;
import dev.countersign.policy.PolicyException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Runs the policy tests of a directory, like {@code opa test}: loads the directory's policy, then
 * decides every test of every {@code *_test.yaml} file and compares the decision with the test's
 * {@code expect}.
 */
public final class PolicyTestRunner {
  private final PolicyLoader loader;
  private final EngineConfig config;

  /** A runner that loads with {@code loader} and decides with {@code config}. */
  public PolicyTestRunner(PolicyLoader loader, EngineConfig config) {
    this.loader = loader;
    this.config = config;
  }

  /** A runner with its own loader and the default engine settings. */
  public static PolicyTestRunner create() {
    return new PolicyTestRunner(PolicyLoader.create(), EngineConfig.defaults());
  }

  /** Runs every test in {@code dir}; {@code orgFile} is the org for test files that have none inline. */
  public PolicyTestReport run(Path dir, Optional<Path> orgFile) {
    LoadedPolicy policy;
    try {
      policy = loader.load(dir);
    } catch (PolicyException e) {
      return new PolicyTestReport(List.of(), List.of(e.getMessage()));
    }
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.filter(p -> p.getFileName().toString().endsWith(PolicyLoader.TEST_SUFFIX)).sorted().toList();
    } catch (IOException e) {
      return new PolicyTestReport(List.of(), List.of(dir + ": cannot list the directory: " + e.getMessage()));
    }
    if (files.isEmpty()) {
      return new PolicyTestReport(List.of(), List.of(dir + ": no policy tests (*" + PolicyLoader.TEST_SUFFIX + ")"));
    }
    PolicyEngine engine = policy.engine(config);
    List<String> ruleNames = ruleNames(policy);
    List<PolicyTestResult> results = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    for (Path file : files) {
      try {
        String source = file.toString();
        String text = SafeYaml.config().decode(Files.readAllBytes(file), source);
        for (PolicyTestCase c : PolicyTestReader.read(text, source, orgFile, policy.freezes())) {
          results.add(run(engine, c, ruleNames));
        }
      } catch (PolicyException | ConfigException e) {
        errors.add(e.getMessage());
      } catch (IOException e) {
        errors.add(file + ": cannot read the file: " + e.getMessage());
      }
    }
    return new PolicyTestReport(results, errors);
  }

  private static PolicyTestResult run(PolicyEngine engine, PolicyTestCase c, List<String> ruleNames) {
    Decision d = engine.decide(c.input(), c.reviews(), c.directory());
    List<String> failures = PolicyTestDiff.failures(c.expect(), d, ruleNames);
    return new PolicyTestResult(c.file(), c.name(), c.position(), failures, PolicyTestDiff.describe(d));
  }

  private static List<String> ruleNames(LoadedPolicy policy) {
    List<String> names = new ArrayList<>();
    names.add(dev.countersign.policy.Rule.AGENT_LEAST_PRIVILEGE);
    policy.policy().policySet().rules().forEach(r -> names.add(r.name()));
    return names;
  }
}
