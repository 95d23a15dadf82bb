package dev.countersign.policy;

import static dev.countersign.policy.Fixtures.ANA;
import static dev.countersign.policy.Fixtures.BOT;
import static dev.countersign.policy.Fixtures.CARA;
import static dev.countersign.policy.Fixtures.KIRO;
import static dev.countersign.policy.Fixtures.MIA;
import static dev.countersign.policy.Fixtures.NOW;
import static dev.countersign.policy.Fixtures.ORG;
import static dev.countersign.policy.Fixtures.PIA;
import static dev.countersign.policy.Fixtures.SAM;
import static dev.countersign.policy.Fixtures.STELLA;
import static dev.countersign.policy.Fixtures.TOM;
import static dev.countersign.policy.Fixtures.approve;
import static dev.countersign.policy.Fixtures.engine;
import static dev.countersign.policy.Fixtures.group;
import static dev.countersign.policy.Fixtures.input;
import static dev.countersign.policy.Fixtures.review;
import static dev.countersign.policy.Fixtures.rule;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The approval rules that hold whatever the policy says (DESIGN §2, Approval). */
class ApprovalRulesTest {
  private static final String DIGEST = Fixtures.Input.DIGEST;
  private static final Rule ONE_SENIOR = rule("one-senior", "true", Effect.REQUIRE, Enforcement.HARD,
      group(1, "approver.rank >= levels.senior", "a senior or above"));
  private static final Rule TWO_SENIORS_ONE_STAFF = rule("two-and-one", "true", Effect.REQUIRE, Enforcement.HARD,
      group(2, "approver.rank >= levels.senior", "a senior or above"),
      group(1, "approver.rank >= levels.staff", "a staff engineer or above"));

  private static Outcome decide(Rule rule, DecisionInput in, Review... reviews) {
    return engine(rule).decide(in, List.of(reviews), ORG).outcome();
  }

  @Test
  void eligibleApproval_satisfiesTheRequirement() {
    Decision d = engine(ONE_SENIOR).decide(input().build(), List.of(approve(SAM)), ORG);

    assertThat(d.outcome()).isEqualTo(Outcome.ALLOW);
    assertThat(d.requirements()).singleElement().satisfies(r -> assertThat(r.approvedBy()).containsExactly("sam"));
  }

  @Test
  void pendingRequirement_saysWhatWouldMakeItPass() {
    Decision d = engine(ONE_SENIOR).decide(input().build(), List.of(), ORG);

    assertThat(d.outcome()).isEqualTo(Outcome.NEEDS_APPROVAL);
    assertThat(d.reasons()).singleElement().asString()
        .isEqualTo("rule 'one-senior': message of one-senior; needs 1 more approval from a senior or above");
  }

  @Test
  void selfApproval_doesNotCount() {
    assertThat(decide(ONE_SENIOR, input().author(SAM).build(), approve(SAM))).isEqualTo(Outcome.NEEDS_APPROVAL);
  }

  @Test
  void sponsorApproval_doesNotCount() {
    // kiro-7's sponsor is mia; make mia senior-eligible by policy to prove the engine still refuses her.
    Rule anyHuman = rule("anyone", "true", Effect.REQUIRE, Enforcement.HARD, group(1, "true", "anyone"));
    DecisionInput in = input().author(ANA).agent(KIRO).build();

    assertThat(decide(anyHuman, in, approve(MIA))).isEqualTo(Outcome.NEEDS_APPROVAL);
    assertThat(decide(anyHuman, in, approve(TOM))).isEqualTo(Outcome.ALLOW);
  }

  @Test
  void agentAndServiceApprovals_doNotCount() {
    Rule anyone = rule("anyone", "true", Effect.REQUIRE, Enforcement.HARD, group(1, "true", "anyone"));

    assertThat(decide(anyone, input().build(), review(KIRO.id(), Verdict.APPROVE, DIGEST, "", NOW)))
        .isEqualTo(Outcome.NEEDS_APPROVAL);
    assertThat(decide(anyone, input().build(), review(BOT.id(), Verdict.APPROVE, DIGEST, "", NOW)))
        .isEqualTo(Outcome.NEEDS_APPROVAL);
  }

  @Test
  void unknownReviewer_doesNotCount() {
    assertThat(decide(ONE_SENIOR, input().build(), review("ghost", Verdict.APPROVE, DIGEST, "", NOW)))
        .isEqualTo(Outcome.NEEDS_APPROVAL);
  }

  @Test
  void approvalForOlderDigest_doesNotCount() {
    Decision d = engine(ONE_SENIOR).decide(input().build(),
        List.of(review("sam", Verdict.APPROVE, "sha256:old", "", NOW)), ORG);

    assertThat(d.outcome()).isEqualTo(Outcome.NEEDS_APPROVAL);
    assertThat(d.reasons()).anyMatch(r -> r.startsWith("approve by sam does not count: it was given for sha256:old"));
  }

  @Test
  void expiredApproval_doesNotCount_withAnInjectedLifetime() {
    EngineConfig oneHour = EngineConfig.defaults().withApprovalLifetime(Duration.ofHours(1));
    PolicyEngine engine = engine(oneHour, ONE_SENIOR);

    Review fresh = review("sam", Verdict.APPROVE, DIGEST, "", NOW.minus(Duration.ofMinutes(59)));
    Review atExpiry = review("sam", Verdict.APPROVE, DIGEST, "", NOW.minus(Duration.ofHours(1)));

    assertThat(engine.decide(input().build(), List.of(fresh), ORG).outcome()).isEqualTo(Outcome.ALLOW);
    assertThat(engine.decide(input().build(), List.of(atExpiry), ORG).outcome()).isEqualTo(Outcome.NEEDS_APPROVAL);
  }

  @Test
  void defaultLifetime_is24Hours() {
    Review day = review("sam", Verdict.APPROVE, DIGEST, "", NOW.minus(Duration.ofHours(24)));
    Review almost = review("sam", Verdict.APPROVE, DIGEST, "", NOW.minus(Duration.ofHours(23)));

    assertThat(decide(ONE_SENIOR, input().build(), day)).isEqualTo(Outcome.NEEDS_APPROVAL);
    assertThat(decide(ONE_SENIOR, input().build(), almost)).isEqualTo(Outcome.ALLOW);
  }

  @Test
  void ineligibleApprover_doesNotCount() {
    assertThat(decide(ONE_SENIOR, input().build(), approve(MIA))).isEqualTo(Outcome.NEEDS_APPROVAL);
  }

  @Test
  void rejectFromEligibleReviewer_deniesWithTheComment() {
    Decision d = engine(ONE_SENIOR).decide(input().build(), List.of(approve(SAM),
        review("tom", Verdict.REJECT, DIGEST, "wrong region", NOW.minusSeconds(1))), ORG);

    assertThat(d.outcome()).isEqualTo(Outcome.DENY);
    assertThat(d.reasons()).first().isEqualTo("rejected by tom: wrong region");
  }

  @Test
  void laterApproval_withdrawsTheSameReviewersReject() {
    Review reject = review("tom", Verdict.REJECT, DIGEST, "no", NOW.minusSeconds(60));
    Review approve = review("tom", Verdict.APPROVE, DIGEST, "", NOW.minusSeconds(30));

    Review rejectAgain = review("tom", Verdict.REJECT, DIGEST, "no after all", NOW.minusSeconds(10));

    assertThat(decide(ONE_SENIOR, input().build(), reject, approve)).isEqualTo(Outcome.ALLOW);
    assertThat(decide(ONE_SENIOR, input().build(), approve, reject)).as("by time, not list order").isEqualTo(Outcome.ALLOW);
    assertThat(decide(ONE_SENIOR, input().build(), reject, approve, rejectAgain)).isEqualTo(Outcome.DENY);
  }

  @Test
  void rejectFromIneligibleReviewer_doesNotBlock() {
    Review reject = review("mia", Verdict.REJECT, DIGEST, "no", NOW);

    assertThat(decide(ONE_SENIOR, input().build(), reject, approve(SAM))).isEqualTo(Outcome.ALLOW);
  }

  @Test
  void rejectOfAnOlderDigest_doesNotBlock() {
    Review reject = review("tom", Verdict.REJECT, "sha256:old", "no", NOW);

    assertThat(decide(ONE_SENIOR, input().build(), reject, approve(SAM))).isEqualTo(Outcome.ALLOW);
  }

  @Test
  void oneRuleWithSeveralGroups_needsDistinctPeople() {
    DecisionInput in = input().build();

    assertThat(decide(TWO_SENIORS_ONE_STAFF, in, approve(SAM), approve(STELLA))).isEqualTo(Outcome.NEEDS_APPROVAL);
    assertThat(decide(TWO_SENIORS_ONE_STAFF, in, approve(STELLA), approve(PIA))).isEqualTo(Outcome.NEEDS_APPROVAL);
    assertThat(decide(TWO_SENIORS_ONE_STAFF, in, approve(SAM), approve(TOM), approve(STELLA))).isEqualTo(Outcome.ALLOW);
    assertThat(decide(TWO_SENIORS_ONE_STAFF, in, approve(STELLA), approve(PIA), approve(CARA))).isEqualTo(Outcome.ALLOW);
  }

  @Test
  void matching_findsTheAssignmentWhateverTheReviewOrder() {
    // Greedy would give the staff slot's only candidate (stella) to a senior slot first.
    DecisionInput in = input().build();

    Decision d = engine(TWO_SENIORS_ONE_STAFF).decide(in, List.of(approve(STELLA), approve(SAM), approve(TOM)), ORG);

    assertThat(d.outcome()).isEqualTo(Outcome.ALLOW);
    assertThat(d.requirements().get(1).approvedBy()).containsExactly("stella");
    assertThat(d.requirements().get(0).approvedBy()).containsExactlyInAnyOrder("sam", "tom");
  }
}
