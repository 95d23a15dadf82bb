package dev.countersign.server.hook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.countersign.server.agent.AgentAnswer;
import dev.countersign.server.agent.ToolCall;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Claude Code's hook format, on the payloads captured from the real clients (resources/agents). */
class ClaudeCodeHookTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ClaudeCodeHook HOOK = new ClaudeCodeHook(JSON);

  static byte[] corpus(String name) {
    try (InputStream in = ClaudeCodeHookTest.class.getResourceAsStream("/agents/" + name)) {
      return in.readAllBytes();
    } catch (IOException | NullPointerException e) {
      throw new IllegalStateException("missing test resource " + name, e);
    }
  }

  @Test
  void realPreToolUseBashPayload_isReadAsABashCall() {
    ToolCall c = HOOK.parse(corpus("claude_PreToolUse_Bash_stdin.json"));

    assertThat(c.client()).isEqualTo("claude-code");
    assertThat(c.event()).isEqualTo("PreToolUse");
    assertThat(c.toolName()).isEqualTo("Bash");
    assertThat(c.input().path("command").asText()).isEqualTo("rm -rf ./prod-env && echo recreated");
    assertThat(c.sessionId()).isEqualTo("318898bc-add1-4699-91e6-877cb831090e");
    assertThat(c.cwd()).isEqualTo("/home/dev/shop-infra");
    assertThat(c.permissionMode()).isEqualTo("default");
  }

  @Test
  void realHttpHookBody_isTheSamePayload() throws IOException {
    JsonNode post = JSON.readTree(corpus("claude_http_hook_POST.json"));
    ToolCall c = HOOK.parse(JSON.writeValueAsBytes(post.path("body")));

    assertThat(c.toolName()).isEqualTo("Bash");
    assertThat(post.path("headers").path("Authorization").asText()).startsWith("Bearer ");
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "claude_PreToolUse_Edit_stdin.json", "claude_PreToolUse_Read_stdin.json",
    "claude_PreToolUse_Write_stdin.json", "claude_PreToolUse_mcp-guardtest-deploy_stdin.json"})
  void realToolPayloads_areRead(String file) {
    ToolCall c = HOOK.parse(corpus(file));

    assertThat(c.toolName()).isNotBlank();
    assertThat(c.input().size()).isPositive();
    assertThat(c.permissionMode()).isEqualTo("acceptEdits");
  }

  @Test
  void realPermissionRequest_isRead() {
    assertThat(HOOK.parse(corpus("claude_PermissionRequest_Bash_stdin.json")).event()).isEqualTo("PermissionRequest");
  }

  @Test
  void realCodexPayload_isReadAsACodexCall() {
    ToolCall c = HOOK.parse(corpus("codex_PreToolUse_Bash_stdin.json"));

    assertThat(c.client()).isEqualTo("codex");
    assertThat(c.permissionMode()).isEqualTo("bypassPermissions");
  }

  @Test
  void preToolUseAnswer_isTheVerifiedOutputShape() throws IOException {
    JsonNode deny = JSON.readTree(HOOK.render("PreToolUse", AgentAnswer.deny("R")));
    JsonNode allow = JSON.readTree(HOOK.render("PreToolUse", AgentAnswer.allow("ok")));

    assertThat(deny.toString()).isEqualTo(
        "{\"hookSpecificOutput\":{\"hookEventName\":\"PreToolUse\",\"permissionDecision\":\"deny\",\"permissionDecisionReason\":\"R\"}}");
    assertThat(allow.path("hookSpecificOutput").path("permissionDecision").asText()).isEqualTo("allow");
  }

  @Test
  void permissionRequestAnswer_usesDecisionBehavior() throws IOException {
    JsonNode deny = JSON.readTree(HOOK.render("PermissionRequest", AgentAnswer.deny("R")));
    JsonNode allow = JSON.readTree(HOOK.render("PermissionRequest", AgentAnswer.allow("ok")));

    assertThat(deny.toString()).isEqualTo(
        "{\"hookSpecificOutput\":{\"hookEventName\":\"PermissionRequest\",\"decision\":{\"behavior\":\"deny\",\"message\":\"R\"}}}");
    assertThat(allow.toString()).isEqualTo(
        "{\"hookSpecificOutput\":{\"hookEventName\":\"PermissionRequest\",\"decision\":{\"behavior\":\"allow\"}}}");
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "", "not json", "[1,2]", "{\"hook_event_name\":\"PreToolUse\"}",
    "{\"hook_event_name\":\"PreToolUse\",\"tool_name\":\"Bash\",\"tool_input\":\"ls\"}",
    "{\"hook_event_name\":\"PreToolUse\",\"tool_name\":7,\"tool_input\":{}}",
    "{\"hook_event_name\":\"Stop\",\"tool_name\":\"Bash\",\"tool_input\":{}}"})
  void unusablePayloads_areRefusedWithAReason(String body) {
    assertThatThrownBy(() -> HOOK.parse(body.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(HookPayloadException.class)
        .hasMessageStartingWith("the hook request")
        .satisfies(e -> assertThat(e.getMessage()).isNotBlank());
  }

  @Test
  void invalidUtf8_isRefused() {
    assertThatThrownBy(() -> HOOK.parse(new byte[] {'{', (byte) 0xC3, '}'}))
        .isInstanceOf(HookPayloadException.class)
        .hasMessageContaining("UTF-8");
  }

  @Test
  void eventOfAnUnreadablePayload_isPreToolUse_soTheDenyHasAShapeTheClientKnows() {
    assertThat(HOOK.eventOf("garbage".getBytes(StandardCharsets.UTF_8))).isEqualTo("PreToolUse");
    assertThat(HOOK.eventOf(corpus("claude_PermissionRequest_Bash_stdin.json"))).isEqualTo("PermissionRequest");
  }
}
