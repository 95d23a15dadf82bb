package dev.countersign.bench;

import dev.countersign.config.org.OrgYaml;
import dev.countersign.config.policy.LoadedPolicy;
import dev.countersign.config.policy.PolicyLoader;
import dev.countersign.directory.Agent;
import dev.countersign.directory.Directory;
import dev.countersign.directory.Human;
import dev.countersign.model.Action;
import dev.countersign.model.Analysis;
import dev.countersign.model.BlastRadius;
import dev.countersign.model.Change;
import dev.countersign.model.ChangeKind;
import dev.countersign.model.ServiceImpact;
import dev.countersign.model.Verb;
import dev.countersign.policy.Decision;
import dev.countersign.policy.DecisionInput;
import dev.countersign.policy.EngineConfig;
import dev.countersign.policy.PolicyEngine;
import dev.countersign.policy.Review;
import dev.countersign.policy.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One decision for a pre-analysed change against the default policy pack, in process, one thread:
 * an AI-assisted production Terraform change by an agent (four actions, two services reached),
 * without reviews (the agent's first ask: needs_approval) and with one eligible approval (allow).
 *
 * <p>Run from the repository root: {@code java -jar countersign-bench/target/benchmarks.jar
 * DecisionBenchmark -f 1 -wi 3 -i 5} (throughput in ops/µs, sample-time percentiles in µs; add
 * {@code -bm thrpt -tu s} for ops/s); {@code -Dcountersign.policies=DIR} picks another pack.
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.Throughput, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Threads(1)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class DecisionBenchmark {
  private static final String ORG = """
      humans:
        - {id: mia, level: mid, teams: [payments]}
        - {id: sam, level: senior, teams: [payments]}
        - {id: tom, level: senior, teams: [platform]}
      agents:
        - id: kiro-7
          sponsor: mia
          model: example/agent-1
          grants:
            - environments: [production]
              services: [payments-api]
              verbs: [read, create, update, exec]
              expires: 2030-01-01T00:00:00Z
      """;
  private static final String DIGEST = "sha256:" + "5e".repeat(32);
  private static final Instant NOW = Instant.parse("2026-05-01T10:00:00Z");

  private PolicyEngine engine;
  private Directory directory;
  private DecisionInput input;
  private List<Review> approved;

  @Setup
  public void setup() {
    LoadedPolicy policy = PolicyLoader.create().load(policies());
    engine = policy.engine(EngineConfig.defaults());
    directory = OrgYaml.parse(ORG, "org.yaml");
    Human mia = directory.human("mia").orElseThrow();
    Agent kiro = directory.agent("kiro-7").orElseThrow();
    List<Action> actions = List.of(
        new Action(Verb.UPDATE, "aws_lambda_function", "aws_lambda_function.api", "payments-api", false, "", "h1"),
        new Action(Verb.CREATE, "aws_sqs_queue", "aws_sqs_queue.retries", "payments-api", false, "", "h2"),
        new Action(Verb.UPDATE, "aws_iam_role_policy", "aws_iam_role_policy.api", "payments-api", false, "", "h3"),
        new Action(Verb.READ, "aws_ssm_parameter", "data.aws_ssm_parameter.db_url", "payments-api", false, "", ""));
    BlastRadius radius = new BlastRadius(List.of(
        new ServiceImpact("payments-api", "payments", 1, true, true),
        new ServiceImpact("checkout-web", "payments", 2, true, false)));
    Change change = new Change("chg-1", ChangeKind.TERRAFORM_PLAN, "production", List.of("payments-api"),
        "mia", "kiro-7", true, "Add a retry queue to the payments API", DIGEST);
    Analysis analysis = Analysis.of(ChangeKind.TERRAFORM_PLAN, actions, List.of(), radius);
    input = new DecisionInput(change, analysis, mia, Optional.of(kiro), kiro, NOW, List.of());
    approved = List.of(new Review("sam", Verdict.APPROVE, DIGEST, "lgtm", NOW.minusSeconds(600)));
    check(engine.decide(input, List.of(), directory), "needs_approval");
    check(engine.decide(input, approved, directory), "allow");
  }

  /** The agent's first ask: no reviews yet. */
  @Benchmark
  public Decision decideWithoutReviews() {
    return engine.decide(input, List.of(), directory);
  }

  /** After a senior approved. */
  @Benchmark
  public Decision decideWithOneApproval() {
    return engine.decide(input, approved, directory);
  }

  private static Path policies() {
    String configured = System.getProperty("countersign.policies");
    if (configured != null) {
      return Path.of(configured);
    }
    for (Path p : List.of(Path.of("policies", "default"), Path.of("..", "policies", "default"))) {
      if (Files.isDirectory(p)) {
        return p;
      }
    }
    throw new IllegalStateException("run from the repository root or set -Dcountersign.policies=DIR");
  }

  private static void check(Decision d, String expected) {
    if (!d.outcome().wire().equals(expected)) {
      throw new IllegalStateException("benchmark change decided " + d.outcome().wire() + ": " + d.reasons());
    }
  }
}
