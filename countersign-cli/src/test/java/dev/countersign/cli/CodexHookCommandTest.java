package dev.countersign.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.cli.StubbedRelay.Result;
import dev.countersign.cli.hook.CodexHookCommand;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * {@code countersign hook codex} speaks the part of Claude Code's hook output that Codex 0.169
 * accepts: a deny is printed, an allow prints nothing (Codex reports {@code permissionDecision:
 * allow} as a failed hook), and any other decision blocks.
 */
class CodexHookCommandTest {
  private static Result relay(String answer) throws IOException {
    return StubbedRelay.run(new CodexHookCommand(), "{\"tool_name\":\"Bash\"}", 200, answer);
  }

  @Test
  void allow_printsNothing_soCodexSeesASuccessfulHook() throws IOException {
    Result r = relay("{\"hookSpecificOutput\":{\"hookEventName\":\"PreToolUse\",\"permissionDecision\":\"allow\",\"permissionDecisionReason\":\"ok\"}}");

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).isEmpty();
  }

  @Test
  void deny_isPrintedAsTheServerSaidIt() throws IOException {
    String deny = "{\"hookSpecificOutput\":{\"hookEventName\":\"PreToolUse\",\"permissionDecision\":\"deny\",\"permissionDecisionReason\":\"no\"}}";

    Result r = relay(deny);

    assertThat(r.code()).isZero();
    assertThat(r.out().strip()).isEqualTo(deny);
  }

  @Test
  void ask_whichCodexWouldTreatAsAFailedHookAndRun_blocksWithExitCode2() throws IOException {
    Result r = relay("{\"hookSpecificOutput\":{\"hookEventName\":\"PreToolUse\",\"permissionDecision\":\"ask\"}}");

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).contains("not a hook decision");
  }
}
