package dev.countersign.policy;

import static dev.countersign.policy.Fixtures.ORG;
import static dev.countersign.policy.Fixtures.engine;
import static dev.countersign.policy.Fixtures.input;
import static dev.countersign.policy.Fixtures.rule;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Policies see the agent tool call an agent hook asked about as {@code tool}. */
class ToolUseRulesTest {
  private static final PolicyEngine STRICT_BYPASS =
      engine(rule("no-bypass", "tool.present && tool.permissionMode == 'bypassPermissions'", Effect.DENY, Enforcement.HARD));

  private static DecisionInput withTool(Optional<ToolUse> tool) {
    DecisionInput in = input().build();
    return new DecisionInput(
        in.change(), in.analysis(), in.author(), in.agent(), in.actor(), in.now(), in.freezes(), tool);
  }

  @Test
  void toolCallInBypassPermissionsMode_isVisibleToPolicy() {
    Decision d = STRICT_BYPASS.decide(
        withTool(Optional.of(new ToolUse("claude-code", "Bash", "bypassPermissions", "s-1"))), List.of(), ORG);

    assertThat(d.outcome()).isEqualTo(Outcome.DENY);
    assertThat(d.matched()).extracting(MatchedRule::rule).containsExactly("no-bypass");
  }

  @Test
  void proposalWithoutToolCall_seesToolAsNotPresent() {
    Decision d = STRICT_BYPASS.decide(withTool(Optional.empty()), List.of(), ORG);

    assertThat(d.outcome()).isEqualTo(Outcome.ALLOW);
  }

  @Test
  void toolCallInDefaultMode_doesNotMatchTheBypassRule() {
    Decision d = STRICT_BYPASS.decide(
        withTool(Optional.of(new ToolUse("codex", "apply_patch", "default", ""))), List.of(), ORG);

    assertThat(d.outcome()).isEqualTo(Outcome.ALLOW);
  }
}
