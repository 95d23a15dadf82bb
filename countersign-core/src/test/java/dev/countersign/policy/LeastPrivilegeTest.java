package dev.countersign.policy;

import static dev.countersign.policy.Fixtures.KIRO;
import static dev.countersign.policy.Fixtures.MIA;
import static dev.countersign.policy.Fixtures.ORG;
import static dev.countersign.policy.Fixtures.ORPHAN;
import static dev.countersign.policy.Fixtures.action;
import static dev.countersign.policy.Fixtures.engine;
import static dev.countersign.policy.Fixtures.input;
import static dev.countersign.policy.Fixtures.rule;
import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.directory.Agent;
import dev.countersign.model.Verb;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The built-in agent-least-privilege rule (DESIGN §3, rule 1). */
class LeastPrivilegeTest {
  private final PolicyEngine engine = engine(rule("allow-all", "true", Effect.ALLOW, Enforcement.HARD));

  @Test
  void agentActionWithinGrants_isAllowed() {
    DecisionInput in = input().author(MIA).agent(KIRO).build();

    assertThat(engine.decide(in, List.of(), ORG).outcome()).isEqualTo(Outcome.ALLOW);
  }

  @Test
  void agentDeletingOutsideGrants_isDeniedHardWithTheViolationInWords() {
    DecisionInput in = input().author(MIA).agent(KIRO)
        .actions(action(Verb.DELETE, "aws_db_instance.main", "payments-api", true)).build();

    Decision d = engine.decide(in, List.of(), ORG);

    assertThat(d.outcome()).isEqualTo(Outcome.DENY);
    assertThat(d.matched()).first().satisfies(m -> {
      assertThat(m.rule()).isEqualTo(Rule.AGENT_LEAST_PRIVILEGE);
      assertThat(m.enforcement()).isEqualTo(Enforcement.HARD);
    });
    assertThat(d.reasons().get(0))
        .startsWith("denied by built-in rule 'agent-least-privilege' (hard): ")
        .contains("kiro-7", "delete", "aws_db_instance.main");
  }

  @Test
  void agentUnknownToTheDirectory_isDenied() {
    Agent ghost = new Agent("ghost", "mia", "", List.of());
    Decision d = engine.decide(input().author(MIA).agent(ghost).build(), List.of(), ORG);

    assertThat(d.outcome()).isEqualTo(Outcome.DENY);
    assertThat(d.reasons().get(0)).contains("ghost").contains("fail closed");
  }

  @Test
  void agentWhoseSponsorIsUnknown_isDenied() {
    Decision d = engine.decide(input().env("staging").author(MIA).agent(ORPHAN)
        .actions(action(Verb.READ, "data.x", "payments-api", false)).build(), List.of(), ORG);

    assertThat(d.outcome()).isEqualTo(Outcome.DENY);
    assertThat(d.reasons().get(0)).contains("orphan-1").contains("nobody");
  }

  @Test
  void humanChange_isNotCheckedAgainstGrants() {
    DecisionInput in = input().actions(action(Verb.DELETE, "aws_db_instance.main", "payments-api", true)).build();

    assertThat(engine.decide(in, List.of(), ORG).matched()).extracting(MatchedRule::rule).doesNotContain(Rule.AGENT_LEAST_PRIVILEGE);
  }
}
