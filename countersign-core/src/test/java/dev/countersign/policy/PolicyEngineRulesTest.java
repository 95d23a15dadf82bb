package dev.countersign.policy;

import static dev.countersign.policy.Fixtures.ORG;
import static dev.countersign.policy.Fixtures.SAM;
import static dev.countersign.policy.Fixtures.approve;
import static dev.countersign.policy.Fixtures.engine;
import static dev.countersign.policy.Fixtures.group;
import static dev.countersign.policy.Fixtures.input;
import static dev.countersign.policy.Fixtures.rule;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** How matching rules combine into an outcome (DESIGN §2, Policy). */
class PolicyEngineRulesTest {
  private static final String SENIOR = "approver.rank >= levels.senior";

  private static List<String> matched(Decision d) {
    return d.matched().stream().map(MatchedRule::rule).toList();
  }

  @Test
  void noRuleMatching_allowsWithAReason() {
    Decision d = engine(rule("never", "false", Effect.DENY, Enforcement.HARD)).decide(input().build(), List.of(), ORG);

    assertThat(d.outcome()).isEqualTo(Outcome.ALLOW);
    assertThat(d.matched()).isEmpty();
    assertThat(d.reasons()).containsExactly("allowed: no rule denies this change or requires approval for it");
  }

  @Test
  void matchingHardDeny_winsOverAllowAndSatisfiedRequirements() {
    PolicyEngine engine = engine(
        rule("allow-all", "true", Effect.ALLOW, Enforcement.HARD),
        rule("need-senior", "true", Effect.REQUIRE, Enforcement.HARD, group(1, SENIOR, "a senior")),
        rule("no-prod", "change.environment == 'production'", Effect.DENY, Enforcement.HARD));

    Decision d = engine.decide(input().build(), List.of(approve(SAM)), ORG);

    assertThat(d.outcome()).isEqualTo(Outcome.DENY);
    assertThat(matched(d)).containsExactly("need-senior", "no-prod");
    assertThat(d.reasons()).first().asString().startsWith("denied by rule 'no-prod' (hard): message of no-prod");
  }

  @Test
  void matchingSoftDeny_deniesAndSaysASeniorMayBreakGlass() {
    Decision d = engine(rule("freeze", "true", Effect.DENY, Enforcement.SOFT)).decide(input().build(), List.of(), ORG);

    assertThat(d.outcome()).isEqualTo(Outcome.DENY);
    assertThat(d.reasons().get(0)).contains("(soft)").contains("a senior or above may break glass");
  }

  @Test
  void advisoryRules_areReportedButNeverChangeTheOutcome() {
    PolicyEngine engine = engine(
        rule("warn-deny", "true", Effect.DENY, Enforcement.ADVISORY),
        rule("warn-require", "true", Effect.REQUIRE, Enforcement.ADVISORY, group(1, SENIOR, "a senior")));

    Decision d = engine.decide(input().build(), List.of(), ORG);

    assertThat(d.outcome()).isEqualTo(Outcome.ALLOW);
    assertThat(matched(d)).containsExactly("warn-deny", "warn-require");
    assertThat(d.requirements()).isEmpty();
    assertThat(d.reasons()).anyMatch(r -> r.startsWith("advisory rule 'warn-deny' (deny) matched"));
  }

  @Test
  void everyMatchingRequireRule_mustBeSatisfied() {
    PolicyEngine engine = engine(
        rule("one-senior", "true", Effect.REQUIRE, Enforcement.HARD, group(1, SENIOR, "a senior")),
        rule("platform", "true", Effect.REQUIRE, Enforcement.HARD,
            group(1, "'platform' in approver.teams", "someone in platform")));

    Decision d = engine.decide(input().build(), List.of(approve(SAM)), ORG);

    assertThat(d.outcome()).isEqualTo(Outcome.NEEDS_APPROVAL);
    assertThat(d.outstanding()).extracting(Requirement::rule).containsExactly("platform");
    assertThat(d.reasons()).anyMatch(r -> r.contains("needs 1 more approval from someone in platform"));
  }

  @Test
  void differentRules_mayCountTheSameApprover() {
    PolicyEngine engine = engine(
        rule("one-senior", "true", Effect.REQUIRE, Enforcement.HARD, group(1, SENIOR, "a senior")),
        rule("one-payments", "true", Effect.REQUIRE, Enforcement.HARD,
            group(1, "'payments' in approver.teams", "someone in payments")));

    Decision d = engine.decide(input().build(), List.of(approve(SAM)), ORG);

    assertThat(d.outcome()).isEqualTo(Outcome.ALLOW);
    assertThat(d.requirements()).allSatisfy(r -> assertThat(r.approvedBy()).containsExactly("sam"));
  }

  @Test
  void allowRule_isListedOnlyWhenTheOutcomeIsAllow() {
    PolicyEngine engine = engine(
        rule("need-senior", "true", Effect.REQUIRE, Enforcement.HARD, group(1, SENIOR, "a senior")),
        rule("low-risk", "true", Effect.ALLOW, Enforcement.HARD));

    Decision pending = engine.decide(input().build(), List.of(), ORG);
    Decision approved = engine.decide(input().build(), List.of(approve(SAM)), ORG);

    assertThat(matched(pending)).containsExactly("need-senior");
    assertThat(matched(approved)).containsExactly("need-senior", "low-risk");
    assertThat(approved.reasons()).contains("allowed by rule 'low-risk': message of low-risk");
  }

  @Test
  void runtimeErrorInAMatch_deniesNamingTheRule() {
    // A missing map key is an error in CEL, not false: the engine fails closed.
    PolicyEngine engine = engine(
        rule("bad-key", "analysis.summary['bogus'] > 0", Effect.REQUIRE, Enforcement.HARD, group(1, SENIOR, "s")),
        rule("allow-all", "true", Effect.ALLOW, Enforcement.HARD));

    Decision d = engine.decide(input().build(), List.of(), ORG);

    assertThat(d.outcome()).isEqualTo(Outcome.DENY);
    assertThat(d.reasons().get(0)).startsWith("denied (fail closed): rule 'bad-key' match could not be evaluated");
  }

  @Test
  void runtimeErrorInAnAdvisoryRule_isReportedOnly() {
    PolicyEngine engine = engine(rule("bad-key", "analysis.summary['bogus'] > 0", Effect.DENY, Enforcement.ADVISORY));

    Decision d = engine.decide(input().build(), List.of(), ORG);

    assertThat(d.outcome()).isEqualTo(Outcome.ALLOW);
    assertThat(d.reasons()).anyMatch(r -> r.startsWith("advisory rule 'bad-key' match could not be evaluated"));
  }

  @Test
  void runtimeErrorInAnEligibleExpression_deniesNamingTheRule() {
    PolicyEngine engine = engine(rule("bad-eligible", "true", Effect.REQUIRE, Enforcement.HARD,
        group(1, "analysis.summary['bogus'] > 0", "nobody")));

    Decision d = engine.decide(input().build(), List.of(approve(SAM)), ORG);

    assertThat(d.outcome()).isEqualTo(Outcome.DENY);
    assertThat(d.reasons()).anyMatch(r -> r.contains("rule 'bad-eligible' requires[0].eligible for sam could not be evaluated"));
  }

  @Test
  void everyInput_isVisibleToCel() {
    PolicyEngine engine = engine(rule("all-inputs", """
        change.id == 'c-1' && change.kind == 'terraform-plan' && change.services == ['payments-api']
          && !change.aiAssisted && !change.byAgent && change.title == 'a change'
          && change.digest.startsWith('sha256:')
          && analysis.summary['update'] == 1 && analysis.summary['delete'] == 0 && analysis.mutating
          && !analysis.destructive && !analysis.dataLoss && !analysis.irreversible
          && !analysis.recreateEnvironment && analysis.riskScore == 10 && analysis.findings == []
          && analysis.findingCodes == [] && analysis.actions[0].verb == 'update'
          && analysis.actions[0].service == 'payments-api' && !analysis.actions[0].stateful
          && analysis.blastRadius.services == [] && analysis.blastRadius.owners == []
          && analysis.blastRadius.tier1Count == 0 && analysis.blastRadius.score == 0
          && author.id == 'ana' && author.kind == 'human' && author.level == 'junior'
          && author.rank == levels.junior && author.teams == ['payments']
          && !agent.present && agent.id == '' && agent.sponsor == '' && actor.id == 'ana'
          && now == timestamp('2026-05-01T10:00:00Z') && !calendar.inFreeze && calendar.freezes == []
        """, Effect.DENY, Enforcement.HARD));

    assertThat(engine.decide(input().build(), List.of(), ORG).matched()).hasSize(1);
  }

  @Test
  void freezeCalendar_isVisibleToCel() {
    PolicyEngine engine = engine(rule("frozen", "calendar.inFreeze && calendar.freezes == ['xmas']",
        Effect.DENY, Enforcement.SOFT));
    Fixtures.Input in = input();
    in.freezes.add(new FreezeWindow("xmas", Fixtures.NOW.minusSeconds(60), Fixtures.NOW.plusSeconds(60)));
    in.freezes.add(new FreezeWindow("later", Fixtures.NOW.plusSeconds(600), Fixtures.NOW.plusSeconds(6000)));

    assertThat(engine.decide(in.build(), List.of(), ORG).outcome()).isEqualTo(Outcome.DENY);
    assertThat(engine.decide(input().build(), List.of(), ORG).outcome()).isEqualTo(Outcome.ALLOW);
  }

  @Test
  void decision_carriesPolicyAndChangeDigests() {
    PolicyEngine engine = engine(rule("r", "true", Effect.ALLOW, Enforcement.HARD));

    Decision d = engine.decide(input().build(), List.of(), ORG);

    assertThat(d.policyDigest()).isEqualTo(engine.policyDigest()).startsWith("sha256:");
    assertThat(d.changeDigest()).isEqualTo(Fixtures.Input.DIGEST);
  }
}
