package dev.countersign.server.hook;

import static dev.countersign.server.hook.ClaudeCodeHookTest.corpus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.countersign.server.agent.AgentAnswer;
import dev.countersign.server.agent.ToolCall;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Cursor, Gemini CLI and Copilot hook formats, on the request shapes documented in
 * AGENT-PROTOCOLS.md §3, §4 and §6 (resources/agents, see SOURCES.md).
 */
class OtherAgentHooksTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode json(byte[] b) {
    try {
      return JSON.readTree(b);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Nested
  class Cursor {
    private final CursorHook hook = new CursorHook(JSON);

    @Test
    void documentedBeforeShellExecutionPayload_isReadAsAShellCall_withTheTopLevelCommand() {
      ToolCall c = hook.parse(corpus("cursor_beforeShellExecution_stdin.json"));

      assertThat(c.client()).isEqualTo("cursor");
      assertThat(c.event()).isEqualTo("beforeShellExecution");
      assertThat(c.toolName()).isEqualTo("Bash");
      assertThat(c.input().path("command").asText()).isEqualTo("ls");
      assertThat(c.cwd()).isEqualTo("/home/dev/shop");
      assertThat(c.sessionId()).isEqualTo("668320d2-2fd8-4888-b33c-2a466fec86e7");
    }

    @Test
    void payloadWithoutCwd_usesTheFirstWorkspaceRoot() {
      ToolCall c = hook.parse(bytes(
          "{\"hook_event_name\":\"beforeShellExecution\",\"command\":\"ls\",\"workspace_roots\":[\"/p\",\"/q\"]}"));

      assertThat(c.cwd()).isEqualTo("/p");
    }

    @Test
    void deny_isPermissionDeny_withTheReasonForUserAndAgent() {
      JsonNode out = json(hook.render(new byte[0], AgentAnswer.deny("Countersign: denied by rule 'x'")));

      assertThat(out.path("permission").asText()).isEqualTo("deny");
      assertThat(out.path("user_message").asText()).isEqualTo("Countersign: denied by rule 'x'");
      assertThat(out.path("agent_message").asText()).isEqualTo("Countersign: denied by rule 'x'");
      assertThat(out.path("userMessage").asText()).isEqualTo("Countersign: denied by rule 'x'");
      assertThat(out.path("agentMessage").asText()).isEqualTo("Countersign: denied by rule 'x'");
    }

    @Test
    void allow_isPermissionAllow() {
      assertThat(json(hook.render(new byte[0], AgentAnswer.allow("ok"))).path("permission").asText()).isEqualTo("allow");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", "garbage", "[]", "{}",
        "{\"hook_event_name\":\"beforeShellExecution\"}",
        "{\"hook_event_name\":\"beforeShellExecution\",\"command\":\"\"}",
        "{\"hook_event_name\":\"beforeShellExecution\",\"command\":[\"rm\",\"-rf\",\"/\"]}",
        "{\"hook_event_name\":\"beforeReadFile\",\"command\":\"ls\"}",
        "{\"hook_event_name\":\"PreToolUse\",\"tool_name\":\"Bash\",\"tool_input\":{\"command\":\"ls\"}}"})
    void unusablePayload_cannotBeRead(String body) {
      assertThatThrownBy(() -> hook.parse(bytes(body))).isInstanceOf(HookPayloadException.class);
    }
  }

  @Nested
  class Gemini {
    private final GeminiCliHook hook = new GeminiCliHook(JSON);

    @Test
    void documentedBeforeToolPayload_isReadAsAShellCall() {
      ToolCall c = hook.parse(corpus("gemini_BeforeTool_run_shell_command_stdin.json"));

      assertThat(c.client()).isEqualTo("gemini-cli");
      assertThat(c.event()).isEqualTo("BeforeTool");
      assertThat(c.toolName()).isEqualTo("Bash");
      assertThat(c.input().path("command").asText()).isEqualTo("ls");
      assertThat(c.cwd()).isEqualTo("/home/dev/shop");
      assertThat(c.sessionId()).isEqualTo("6f1c1e4e-2a47-4c43-9b8e-0d2f5c7a9b11");
    }

    @Test
    void mcpTool_keepsItsName() {
      ToolCall c = hook.parse(bytes(
          "{\"hook_event_name\":\"BeforeTool\",\"tool_name\":\"mcp__db__query\",\"tool_input\":{\"sql\":\"select 1\"}}"));

      assertThat(c.toolName()).isEqualTo("mcp__db__query");
    }

    @Test
    void deny_isDecisionDeny_withTheReason() {
      JsonNode out = json(hook.render(new byte[0], AgentAnswer.deny("Countersign: denied by rule 'x'")));

      assertThat(out.path("decision").asText()).isEqualTo("deny");
      assertThat(out.path("reason").asText()).isEqualTo("Countersign: denied by rule 'x'");
    }

    @Test
    void allow_isDecisionAllow() {
      assertThat(json(hook.render(new byte[0], AgentAnswer.allow("ok"))).path("decision").asText()).isEqualTo("allow");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", "garbage", "{}",
        "{\"hook_event_name\":\"BeforeTool\",\"tool_name\":\"run_shell_command\"}",
        "{\"hook_event_name\":\"BeforeTool\",\"tool_name\":\"run_shell_command\",\"tool_input\":{}}",
        "{\"hook_event_name\":\"BeforeTool\",\"tool_name\":\"run_shell_command\",\"tool_input\":\"ls\"}",
        "{\"hook_event_name\":\"AfterTool\",\"tool_name\":\"run_shell_command\",\"tool_input\":{\"command\":\"ls\"}}"})
    void unusablePayload_cannotBeRead(String body) {
      assertThatThrownBy(() -> hook.parse(bytes(body))).isInstanceOf(HookPayloadException.class);
    }
  }

  @Nested
  class Copilot {
    private final CopilotHook hook = new CopilotHook(JSON);

    @Test
    void documentedPreToolUsePayload_readsToolArgsAsAJsonString() {
      ToolCall c = hook.parse(corpus("copilot_preToolUse_bash_stdin.json"));

      assertThat(c.client()).isEqualTo("copilot");
      assertThat(c.event()).isEqualTo("preToolUse");
      assertThat(c.toolName()).isEqualTo("Bash");
      assertThat(c.input().path("command").asText()).isEqualTo("ls");
      assertThat(c.input().path("description").asText()).isEqualTo("List files");
      assertThat(c.cwd()).isEqualTo("/home/dev/shop");
    }

    @Test
    void editTool_isClaudesEdit_ofThePath() {
      ToolCall c = hook.parse(bytes("{\"toolName\":\"edit\",\"toolArgs\":\"{\\\"path\\\":\\\"a.txt\\\"}\"}"));

      assertThat(c.toolName()).isEqualTo("Edit");
      assertThat(c.input().path("file_path").asText()).isEqualTo("a.txt");
    }

    @Test
    void toolWithoutAClaudeEquivalent_keepsItsName_soItIsDecidedAsAToolCountersignDoesNotKnow() {
      ToolCall c = hook.parse(bytes("{\"toolName\":\"report_intent\",\"toolArgs\":\"{}\"}"));

      assertThat(c.toolName()).isEqualTo("report_intent");
    }

    @Test
    void deny_isPermissionDecisionDeny_withTheReason() {
      JsonNode out = json(hook.render(new byte[0], AgentAnswer.deny("Countersign: denied by rule 'x'")));

      assertThat(out.path("permissionDecision").asText()).isEqualTo("deny");
      assertThat(out.path("permissionDecisionReason").asText()).isEqualTo("Countersign: denied by rule 'x'");
    }

    @Test
    void allow_isPermissionDecisionAllow() {
      assertThat(json(hook.render(new byte[0], AgentAnswer.allow("ok"))).path("permissionDecision").asText())
          .isEqualTo("allow");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", "garbage", "{}",
        "{\"toolName\":\"bash\"}",
        "{\"toolName\":\"bash\",\"toolArgs\":{\"command\":\"ls\"}}",
        "{\"toolName\":\"bash\",\"toolArgs\":\"not json\"}",
        "{\"toolName\":\"bash\",\"toolArgs\":\"[\\\"ls\\\"]\"}",
        "{\"toolName\":\"bash\",\"toolArgs\":\"{}\"}"})
    void unusablePayload_cannotBeRead(String body) {
      assertThatThrownBy(() -> hook.parse(bytes(body))).isInstanceOf(HookPayloadException.class);
    }
  }
}
