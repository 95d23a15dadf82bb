package dev.countersign.policy;

import dev.countersign.directory.Agent;
import dev.countersign.directory.Directory;
import dev.countersign.directory.Grant;
import dev.countersign.directory.Human;
import dev.countersign.directory.Level;
import dev.countersign.directory.Principal;
import dev.countersign.directory.ServiceIdentity;
import dev.countersign.model.Action;
import dev.countersign.model.Analysis;
import dev.countersign.model.BlastRadius;
import dev.countersign.model.Change;
import dev.countersign.model.ChangeKind;
import dev.countersign.model.Verb;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

/** A small org, rules written inline, and builders for decision inputs. */
final class Fixtures {
  static final Instant NOW = Instant.parse("2026-05-01T10:00:00Z");
  static final Instant EXPIRES = Instant.parse("2027-06-30T00:00:00Z");

  static final Human ANA = human("ana", Level.JUNIOR, "payments");
  static final Human MIA = human("mia", Level.MID, "payments");
  static final Human SAM = human("sam", Level.SENIOR, "payments");
  static final Human TOM = human("tom", Level.SENIOR, "platform");
  static final Human CARA = human("cara", Level.SENIOR, "checkout");
  static final Human STELLA = human("stella", Level.STAFF, "platform");
  static final Human PIA = human("pia", Level.PRINCIPAL, "payments");
  static final Agent KIRO =
      new Agent("kiro-7", "mia", "example/agent-1", List.of(
          grant("production", "payments-api", Verb.READ, Verb.CREATE, Verb.UPDATE),
          grant("staging", "*", Verb.values())));
  static final Agent ORPHAN = new Agent("orphan-1", "nobody", "", List.of(grant("staging", "*", Verb.READ)));
  static final ServiceIdentity BOT = new ServiceIdentity("deploy-bot", List.of(grant("staging", "*", Verb.READ)));
  static final Directory ORG = Directory.of(List.of(ANA, MIA, SAM, TOM, CARA, STELLA, PIA, KIRO, ORPHAN, BOT));

  private Fixtures() {}

  static Human human(String id, Level level, String... teams) {
    return new Human(id, id, level, List.of(teams), List.of());
  }

  static Grant grant(String env, String service, Verb... verbs) {
    EnumSet<Verb> set = EnumSet.noneOf(Verb.class);
    set.addAll(Arrays.asList(verbs));
    return new Grant(List.of(env), List.of(service), set, EXPIRES);
  }

  static Action action(Verb verb, String address, String service, boolean stateful) {
    return new Action(verb, "aws_thing", address, service, stateful, "", "");
  }

  /** A rule whose expression positions point at an imaginary file. */
  static Rule rule(String name, String match, Effect effect, Enforcement enforcement, ApprovalGroup... groups) {
    return new Rule(name, "test rule " + name, RuleExpression.inline(match), effect, enforcement,
        "message of " + name, List.of(groups), SourcePosition.inline("test.yaml"));
  }

  static ApprovalGroup group(int approvals, String eligible, String description) {
    return new ApprovalGroup(approvals, RuleExpression.inline(eligible), description);
  }

  static PolicyEngine engine(Rule... rules) {
    return PolicyEngineFactory.create(PolicyCompilerFactory.create().compile(PolicySet.of(List.of(rules))));
  }

  static PolicyEngine engine(EngineConfig config, Rule... rules) {
    return PolicyEngineFactory.create(PolicyCompilerFactory.create().compile(PolicySet.of(List.of(rules))), config);
  }

  static Review approve(Human who) {
    return new Review(who.id(), Verdict.APPROVE, Input.DIGEST, "", NOW.minus(Duration.ofMinutes(5)));
  }

  static Review review(String who, Verdict verdict, String digest, String comment, Instant at) {
    return new Review(who, verdict, digest, comment, at);
  }

  /** A mutable builder of decision inputs; defaults to a human production update by ana. */
  static final class Input {
    static final String DIGEST = "sha256:" + "ab".repeat(32);

    String environment = "production";
    Human author = ANA;
    Optional<Agent> agent = Optional.empty();
    boolean aiAssisted = false;
    List<Action> actions = new ArrayList<>(List.of(action(Verb.UPDATE, "aws_lambda_function.api", "payments-api", false)));
    List<FreezeWindow> freezes = new ArrayList<>();
    BlastRadius blastRadius = BlastRadius.none();
    Instant now = NOW;

    Input env(String e) {
      environment = e;
      return this;
    }

    Input author(Human h) {
      author = h;
      return this;
    }

    Input agent(Agent a) {
      agent = Optional.of(a);
      return this;
    }

    Input ai() {
      aiAssisted = true;
      return this;
    }

    Input actions(Action... a) {
      actions = new ArrayList<>(List.of(a));
      return this;
    }

    DecisionInput build() {
      Change change = new Change("c-1", ChangeKind.TERRAFORM_PLAN, environment, List.of("payments-api"),
          author.id(), agent.map(Agent::id).orElse(""), aiAssisted, "a change", DIGEST);
      Analysis analysis = Analysis.of(ChangeKind.TERRAFORM_PLAN, actions, List.of(), blastRadius);
      Principal actor = agent.<Principal>map(a -> a).orElse(author);
      return new DecisionInput(change, analysis, author, agent, actor, now, freezes);
    }
  }

  static Input input() {
    return new Input();
  }
}
