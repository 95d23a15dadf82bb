package dev.countersign.config.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.config.org.OrgYaml;
import dev.countersign.directory.Agent;
import dev.countersign.directory.Directory;
import dev.countersign.directory.Human;
import dev.countersign.directory.Principal;
import dev.countersign.model.Action;
import dev.countersign.model.Analysis;
import dev.countersign.model.BlastRadius;
import dev.countersign.model.Change;
import dev.countersign.model.ChangeKind;
import dev.countersign.model.Finding;
import dev.countersign.model.ServiceImpact;
import dev.countersign.model.Severity;
import dev.countersign.model.Verb;
import dev.countersign.policy.Decision;
import dev.countersign.policy.DecisionInput;
import dev.countersign.policy.FreezeWindow;
import dev.countersign.policy.Outcome;
import dev.countersign.policy.PolicyEngine;
import dev.countersign.policy.Review;
import dev.countersign.policy.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Seeded random checks against the default pack: more valid approvals never make a decision worse,
 * and more destructive actions never turn a deny into anything else. Re-run a failure with
 * {@code -Dseed=N}.
 */
class DecisionMonotonicityTest {
  private static final int RUNS = 3000;
  private static final Instant NOW = Instant.parse("2026-05-01T10:00:00Z");
  private static final String DIGEST = "sha256:" + "cd".repeat(32);
  private static final List<String> ENVS = List.of("production", "staging", "dev", "sandbox");
  private static final List<String> SERVICES = List.of("payments-api", "payments-db", "checkout-web", "");
  private static final List<String> TEAMS = List.of("payments", "checkout", "platform", "");
  private static final Directory ORG = OrgYaml.parse("""
      humans:
        - {id: ana, level: junior, teams: [payments]}
        - {id: mia, level: mid, teams: [payments]}
        - {id: olga, level: mid, teams: [checkout]}
        - {id: sam, level: senior, teams: [payments]}
        - {id: tom, level: senior, teams: [platform]}
        - {id: cara, level: senior, teams: [checkout]}
        - {id: stella, level: staff, teams: [platform]}
        - {id: pia, level: principal, teams: [payments]}
      agents:
        - id: kiro-7
          sponsor: mia
          grants:
            - {environments: [staging, dev], services: ["*"], verbs: [read, update, delete, replace], expires: 2027-01-01T00:00:00Z}
            - {environments: [production], services: [payments-api], verbs: [read, update], expires: 2027-01-01T00:00:00Z}
        - id: rex-2
          sponsor: sam
          grants:
            - {environments: [production], services: ["*"], verbs: [read, update, delete, replace], expires: 2027-01-01T00:00:00Z}
      """, "org.yaml");
  private static final List<Human> HUMANS =
      ORG.all().stream().filter(Human.class::isInstance).map(Human.class::cast).toList();

  private final PolicyEngine engine = PolicyLoader.create().load(DefaultPackTest.DEFAULT_PACK).engine(
      dev.countersign.policy.EngineConfig.defaults());

  private static long seed() {
    long seed = Long.getLong("seed", System.nanoTime());
    System.out.println("DecisionMonotonicityTest seed=" + seed + " (re-run with -Dseed=" + seed + ")");
    return seed;
  }

  private static int rank(Outcome o) {
    return switch (o) {
      case DENY -> 0;
      case NEEDS_APPROVAL -> 1;
      case ALLOW -> 2;
    };
  }

  @Test
  void addingAValidApproval_neverMakesTheDecisionWorse() {
    long seed = seed();
    Random random = new Random(seed);
    for (int i = 0; i < RUNS; i++) {
      DecisionInput in = input(random, actions(random));
      List<Review> reviews = reviews(random);
      Decision before = engine.decide(in, reviews, ORG);
      List<Review> more = new ArrayList<>(reviews);
      more.add(new Review(pick(random, HUMANS).id(), Verdict.APPROVE, DIGEST, "", NOW));
      Decision after = engine.decide(in, more, ORG);

      assertThat(rank(after.outcome()))
          .as("seed %d run %d: %s → %s, reasons before %s, after %s", seed, i,
              before.outcome(), after.outcome(), before.reasons(), after.reasons())
          .isGreaterThanOrEqualTo(rank(before.outcome()));
    }
  }

  @Test
  void addingDestructiveActions_neverTurnsADenyIntoAnythingElse() {
    long seed = seed();
    Random random = new Random(seed);
    int denies = 0;
    for (int i = 0; i < RUNS; i++) {
      List<Action> actions = actions(random);
      DecisionInput in = input(random, actions);
      List<Review> reviews = reviews(random);
      Decision before = engine.decide(in, reviews, ORG);
      if (before.outcome() != Outcome.DENY) {
        continue;
      }
      denies++;
      List<Action> more = new ArrayList<>(actions);
      for (int k = 1 + random.nextInt(12); k > 0; k--) {
        more.add(action(random, random.nextBoolean() ? Verb.DELETE : Verb.REPLACE));
      }
      DecisionInput worse = new DecisionInput(in.change(),
          Analysis.of(ChangeKind.TERRAFORM_PLAN, more, in.analysis().findings(), in.analysis().blastRadius()),
          in.author(), in.agent(), in.actor(), in.now(), in.freezes());
      Decision after = engine.decide(worse, reviews, ORG);

      assertThat(after.outcome()).as("seed %d run %d: reasons %s", seed, i, after.reasons()).isEqualTo(Outcome.DENY);
    }
    assertThat(denies).as("the generator should produce denies").isGreaterThan(RUNS / 20);
  }

  private static DecisionInput input(Random random, List<Action> actions) {
    Human author = pick(random, HUMANS);
    Optional<Agent> agent = switch (random.nextInt(3)) {
      case 0 -> ORG.agent("kiro-7");
      case 1 -> ORG.agent("rex-2");
      default -> Optional.empty();
    };
    String env = pick(random, ENVS);
    Change change = new Change("c", ChangeKind.TERRAFORM_PLAN, env, List.of("payments-api"), author.id(),
        agent.map(Agent::id).orElse(""), random.nextBoolean(), "t", DIGEST);
    List<Finding> findings = random.nextInt(6) == 0
        ? List.of(new Finding(Severity.CRITICAL, Finding.RECREATE_ENVIRONMENT, "recreate", "")) : List.of();
    List<ServiceImpact> reached = new ArrayList<>();
    for (int k = random.nextInt(4); k > 0; k--) {
      reached.add(new ServiceImpact(pick(random, SERVICES) + k, pick(random, TEAMS), random.nextInt(3),
          random.nextBoolean(), random.nextBoolean()));
    }
    Analysis analysis = Analysis.of(ChangeKind.TERRAFORM_PLAN, actions, findings, new BlastRadius(reached));
    List<FreezeWindow> freezes = random.nextInt(5) == 0
        ? List.of(new FreezeWindow("f", NOW.minusSeconds(60), NOW.plusSeconds(60))) : List.of();
    Principal actor = agent.<Principal>map(a -> a).orElse(author);
    return new DecisionInput(change, analysis, author, agent, actor, NOW, freezes);
  }

  private static List<Action> actions(Random random) {
    List<Action> out = new ArrayList<>();
    for (int k = random.nextInt(8); k > 0; k--) {
      out.add(action(random, pick(random, List.of(Verb.values()))));
    }
    return out;
  }

  private static Action action(Random random, Verb verb) {
    return new Action(verb, "aws_thing", "a." + random.nextInt(1000), pick(random, SERVICES),
        random.nextBoolean(), "", "");
  }

  private static List<Review> reviews(Random random) {
    List<Review> out = new ArrayList<>();
    for (int k = random.nextInt(5); k > 0; k--) {
      String who = random.nextInt(8) == 0 ? "kiro-7" : pick(random, HUMANS).id();
      Verdict verdict = random.nextInt(5) == 0 ? Verdict.REJECT : Verdict.APPROVE;
      String digest = random.nextInt(6) == 0 ? "sha256:old" : DIGEST;
      Instant at = NOW.minus(Duration.ofMinutes(1 + random.nextInt(60 * 30)));
      out.add(new Review(who, verdict, digest, "", at));
    }
    return out;
  }

  private static <T> T pick(Random random, List<T> items) {
    return items.get(random.nextInt(items.size()));
  }
}
