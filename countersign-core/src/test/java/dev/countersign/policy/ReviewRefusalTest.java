package dev.countersign.policy;

import static dev.countersign.policy.Fixtures.ANA;
import static dev.countersign.policy.Fixtures.BOT;
import static dev.countersign.policy.Fixtures.KIRO;
import static dev.countersign.policy.Fixtures.MIA;
import static dev.countersign.policy.Fixtures.ORG;
import static dev.countersign.policy.Fixtures.SAM;
import static dev.countersign.policy.Fixtures.engine;
import static dev.countersign.policy.Fixtures.group;
import static dev.countersign.policy.Fixtures.human;
import static dev.countersign.policy.Fixtures.input;
import static dev.countersign.policy.Fixtures.rule;
import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.directory.Level;
import org.junit.jupiter.api.Test;

/** Who may review a change, for the server's 403 answers. */
class ReviewRefusalTest {
  private final PolicyEngine engine = engine(
      rule("needs-senior", "change.environment == 'production'", Effect.REQUIRE, Enforcement.HARD,
          group(1, "approver.rank >= levels.senior", "a senior or above")));
  private final DecisionInput agentChange = input().author(MIA).agent(KIRO).build();

  @Test
  void agentsAndServices_neverApprove() {
    assertThat(engine.reviewRefusal(agentChange, KIRO)).get().asString().startsWith("agents and services never approve");
    assertThat(engine.reviewRefusal(agentChange, BOT)).get().asString().startsWith("agents and services never approve");
  }

  @Test
  void author_cannotReviewTheirOwnChange() {
    assertThat(engine.reviewRefusal(input().author(SAM).build(), SAM)).get().asString()
        .startsWith("authors cannot review their own change");
  }

  @Test
  void sponsorOfTheChangesAgent_cannotReviewIt() {
    DecisionInput byAnaWithKiro = input().author(ANA).agent(KIRO).build();

    assertThat(engine.reviewRefusal(byAnaWithKiro, MIA)).get().asString().contains("sponsor");
  }

  @Test
  void unknownReviewer_isRefusedWhenADirectoryIsGiven() {
    assertThat(engine.reviewRefusal(agentChange, human("zed", Level.STAFF, "x"), ORG)).get().asString()
        .startsWith("unknown reviewer");
  }

  @Test
  void ineligibleReviewer_isToldWhatTheChangeNeedsAndWhoTheyAre() {
    assertThat(engine.reviewRefusal(agentChange, ANA)).contains(
        "this change needs 1 approval from a senior or above (rule 'needs-senior'); you are ana, junior in team payments");
  }

  @Test
  void eligibleReviewer_mayReview() {
    assertThat(engine.reviewRefusal(agentChange, SAM)).isEmpty();
    assertThat(engine.reviewRefusal(agentChange, SAM, ORG)).isEmpty();
  }

  @Test
  void changeWithoutRequirements_hasNothingToApprove() {
    DecisionInput staging = input().env("staging").build();

    assertThat(engine.reviewRefusal(staging, SAM, ORG)).get().asString().startsWith("nothing to approve: allow");
  }
}
