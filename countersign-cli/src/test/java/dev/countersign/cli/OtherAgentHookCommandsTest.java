package dev.countersign.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.cli.StubbedRelay.Result;
import dev.countersign.cli.hook.CodexHookCommand;
import dev.countersign.cli.hook.CopilotHookCommand;
import dev.countersign.cli.hook.CursorHookCommand;
import dev.countersign.cli.hook.GeminiHookCommand;
import dev.countersign.cli.hook.RelayingHookCommand;
import java.io.IOException;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code countersign hook codex|cursor|gemini|copilot}: each relays to its own route, prints only an
 * answer in its agent's format, and blocks (exit 2) on anything else.
 */
class OtherAgentHookCommandsTest {
  /** Per agent: the command, its route, a decision in its format, and a decision in another's. */
  enum Agent {
    CODEX(CodexHookCommand::new, "/v1/hooks/codex",
        "{\"hookSpecificOutput\":{\"hookEventName\":\"PreToolUse\",\"permissionDecision\":\"deny\"}}", "{\"permission\":\"deny\"}"),
    CURSOR(CursorHookCommand::new, "/v1/hooks/cursor",
        "{\"permission\":\"deny\",\"agent_message\":\"no\"}", "{\"hookSpecificOutput\":{}}"),
    GEMINI(GeminiHookCommand::new, "/v1/hooks/gemini",
        "{\"decision\":\"deny\",\"reason\":\"no\"}", "{\"permission\":\"deny\"}"),
    COPILOT(CopilotHookCommand::new, "/v1/hooks/copilot",
        "{\"permissionDecision\":\"deny\",\"permissionDecisionReason\":\"no\"}", "{\"decision\":\"deny\"}");

    final Supplier<RelayingHookCommand> command;
    final String route;
    final String answer;
    final String foreignAnswer;

    Agent(Supplier<RelayingHookCommand> command, String route, String answer, String foreignAnswer) {
      this.command = command;
      this.route = route;
      this.answer = answer;
      this.foreignAnswer = foreignAnswer;
    }
  }

  private static Result relay(Agent agent, int status, String body) throws IOException {
    return StubbedRelay.run(agent.command.get(), "{\"command\":\"ls\"}", status, body);
  }

  @ParameterizedTest
  @ValueSource(strings = {"CODEX", "CURSOR", "GEMINI", "COPILOT"})
  void answerInTheAgentsFormat_isPrintedFromItsOwnRoute(String name) throws IOException {
    Agent agent = Agent.valueOf(name);
    Result r = relay(agent, 200, agent.answer);

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.path()).isEqualTo(agent.route);
    assertThat(r.out().strip()).isEqualTo(agent.answer);
  }

  @ParameterizedTest
  @ValueSource(strings = {"CODEX", "CURSOR", "GEMINI", "COPILOT"})
  void answerInAnotherFormat_blocksWithExitCode2(String name) throws IOException {
    Result r = relay(Agent.valueOf(name), 200, Agent.valueOf(name).foreignAnswer);

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).contains("not a hook decision");
  }

  @ParameterizedTest
  @ValueSource(strings = {"CODEX", "CURSOR", "GEMINI", "COPILOT"})
  void errorStatus_blocksWithExitCode2(String name) throws IOException {
    Result r = relay(Agent.valueOf(name), 401, "{\"error\":\"unauthorized\",\"message\":\"unknown token\"}");

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).contains("HTTP 401").contains("unknown token");
  }
}
