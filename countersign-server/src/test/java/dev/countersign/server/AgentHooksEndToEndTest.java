package dev.countersign.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.countersign.server.TestServer.Response;
import dev.countersign.store.AuditRecord;
import dev.countersign.store.StoreConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code POST /v1/hooks/{codex|cursor|gemini|copilot}} end to end: a real server, H2, real HTTP, the
 * default policy pack, agent kiro-7 with a token scoped to production/payments-api. Each agent's
 * documented request shape goes in; its own answer format comes out; anything unreadable is that
 * format's deny.
 */
class AgentHooksEndToEndTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  private TestServer server;
  private String kiro;

  @BeforeEach
  void start() {
    server = new TestServer(StoreConfig.h2File(dir));
    kiro = server.scopedToken("kiro-7", "production", "payments-api");
  }

  @AfterEach
  void stop() {
    server.close();
  }

  /** One agent's route, request shape and answer format, for the tests that apply to all of them. */
  enum Agent {
    CURSOR("cursor_beforeShellExecution_stdin.json") {
      @Override
      ObjectNode withCommand(ObjectNode doc, String command) {
        return doc.put("command", command);
      }

      @Override
      String decision(JsonNode answer) {
        return answer.path("permission").asText();
      }

      @Override
      String reason(JsonNode answer) {
        return answer.path("agent_message").asText();
      }
    },
    GEMINI("gemini_BeforeTool_run_shell_command_stdin.json") {
      @Override
      ObjectNode withCommand(ObjectNode doc, String command) {
        ((ObjectNode) doc.get("tool_input")).put("command", command);
        return doc;
      }

      @Override
      String decision(JsonNode answer) {
        return answer.path("decision").asText();
      }

      @Override
      String reason(JsonNode answer) {
        return answer.path("reason").asText();
      }
    },
    COPILOT("copilot_preToolUse_bash_stdin.json") {
      @Override
      ObjectNode withCommand(ObjectNode doc, String command) {
        try {
          ObjectNode args = (ObjectNode) JSON.readTree(doc.get("toolArgs").asText());
          return doc.put("toolArgs", args.put("command", command).toString());
        } catch (IOException e) {
          throw new IllegalStateException(e);
        }
      }

      @Override
      String decision(JsonNode answer) {
        return answer.path("permissionDecision").asText();
      }

      @Override
      String reason(JsonNode answer) {
        return answer.path("permissionDecisionReason").asText();
      }
    },
    CODEX("codex_PreToolUse_Bash_stdin.json") {
      @Override
      ObjectNode withCommand(ObjectNode doc, String command) {
        ((ObjectNode) doc.get("tool_input")).put("command", command);
        return doc;
      }

      @Override
      String decision(JsonNode answer) {
        return answer.path("hookSpecificOutput").path("permissionDecision").asText();
      }

      @Override
      String reason(JsonNode answer) {
        return answer.path("hookSpecificOutput").path("permissionDecisionReason").asText();
      }
    };

    private final String resource;

    Agent(String resource) {
      this.resource = resource;
    }

    String path() {
      return "/v1/hooks/" + name().toLowerCase(java.util.Locale.ROOT);
    }

    ObjectNode document() {
      try {
        return (ObjectNode) JSON.readTree(corpus(resource));
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }

    String shell(String command) {
      return withCommand(document(), command).toString();
    }

    abstract ObjectNode withCommand(ObjectNode doc, String command);

    abstract String decision(JsonNode answer);

    abstract String reason(JsonNode answer);
  }

  static byte[] corpus(String name) {
    try (java.io.InputStream in = AgentHooksEndToEndTest.class.getResourceAsStream("/agents/" + name)) {
      return in.readAllBytes();
    } catch (IOException | NullPointerException e) {
      throw new IllegalStateException("missing test resource " + name, e);
    }
  }

  private Response hook(Agent agent, String body) {
    Response r = server.post(agent.path(), kiro, body);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r;
  }

  @ParameterizedTest
  @ValueSource(strings = {"CURSOR", "GEMINI", "COPILOT", "CODEX"})
  void harmlessCommand_isAllowed_inTheAgentsOwnFormat(String name) {
    Agent agent = Agent.valueOf(name);
    Response r = hook(agent, agent.shell("ls -la"));

    assertThat(agent.decision(r.json())).as(r.body()).isEqualTo("allow");
    assertThat(agent.reason(r.json())).contains("low-risk-passes");
  }

  @ParameterizedTest
  @ValueSource(strings = {"CURSOR", "GEMINI", "COPILOT", "CODEX"})
  void destructiveCommandInProduction_isDenied_namingTheRule(String name) {
    Agent agent = Agent.valueOf(name);
    Response r = hook(agent, agent.shell("rm -rf ./prod-env"));

    assertThat(agent.decision(r.json())).as(r.body()).isEqualTo("deny");
    assertThat(agent.reason(r.json())).startsWith("Countersign: ").contains("agent-least-privilege");
  }

  @ParameterizedTest
  @ValueSource(strings = {"CURSOR", "GEMINI", "COPILOT", "CODEX"})
  void garbledRequest_isTheAgentsDeny_neverAnAllowOrAnError(String name) {
    Agent agent = Agent.valueOf(name);
    for (String body : List.of("", "garbage", "{}", "[1,2]", "{\"command\":{\"x\":1}}")) {
      Response r = hook(agent, body);

      assertThat(agent.decision(r.json())).as(body).isEqualTo("deny");
      assertThat(agent.reason(r.json())).as(body).startsWith("Countersign: denied, the hook request");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"CURSOR", "GEMINI", "COPILOT", "CODEX"})
  void requestWithoutToken_isUnauthorized(String name) {
    Agent agent = Agent.valueOf(name);

    assertThat(server.post(agent.path(), null, agent.shell("ls")).status()).isEqualTo(401);
  }

  @ParameterizedTest
  @ValueSource(strings = {"CURSOR", "GEMINI", "COPILOT", "CODEX"})
  void humanToken_isTheAgentsDeny(String name) {
    Agent agent = Agent.valueOf(name);
    Response r = server.post(agent.path(), server.token("sam"), agent.shell("ls"));

    assertThat(r.status()).isEqualTo(200);
    assertThat(agent.decision(r.json())).as(r.body()).isEqualTo("deny");
  }

  @Test
  void cursorEventCountersignDoesNotAnswer_isDenied() {
    ObjectNode doc = Agent.CURSOR.document().put("hook_event_name", "afterFileEdit");
    Response r = hook(Agent.CURSOR, doc.toString());

    assertThat(r.json().path("permission").asText()).isEqualTo("deny");
    assertThat(r.json().path("agent_message").asText()).contains("beforeShellExecution");
  }

  @Test
  void copilotToolCountersignDoesNotKnow_isOpaque_soAHumanDecidesInProduction() {
    Response r = hook(Agent.COPILOT, "{\"timestamp\":1704614600000,\"cwd\":\"/home/dev/shop\",\"toolName\":\"report_intent\","
        + "\"toolArgs\":\"{\\\"intent\\\":\\\"x\\\"}\"}");

    assertThat(r.json().path("permissionDecision").asText()).isEqualTo("deny");
    assertThat(r.json().path("permissionDecisionReason").asText()).contains("opaque-agent-command-in-production-needs-human");
  }

  @Test
  void geminiWriteOfItsOwnHookSettings_isDenied_likeClaudes() {
    ObjectNode doc = Agent.GEMINI.document().put("tool_name", "write_file");
    doc.set("tool_input", JSON.createObjectNode().put("file_path", "/home/dev/shop/.gemini/settings.json").put("content", "{}"));
    Response r = hook(Agent.GEMINI, doc.toString());

    assertThat(r.json().path("decision").asText()).as(r.body()).isEqualTo("deny");
    assertThat(r.json().path("reason").asText()).contains("no-agent-edits-to-its-guard-config");
  }

  @Test
  void copilotCreateOfAWorkflowInProduction_needsASenior() {
    Response r = hook(Agent.COPILOT, "{\"timestamp\":1704614600000,\"cwd\":\"/home/dev/shop\",\"toolName\":\"create\","
        + "\"toolArgs\":\"{\\\"path\\\":\\\".github/workflows/x.yml\\\",\\\"file_text\\\":\\\"on: push\\\"}\"}");

    assertThat(r.json().path("permissionDecision").asText()).as(r.body()).isEqualTo("deny");
    assertThat(r.json().path("permissionDecisionReason").asText()).contains("needs approval")
        .contains("agent-protected-path-in-production-needs-human");
  }

  @Test
  void cursorMcpCall_isDecidedAsAnMcpTool_inCursorsFormat() {
    Response r = hook(Agent.CURSOR, new String(corpus("cursor_beforeMCPExecution_stdin.json"), java.nio.charset.StandardCharsets.UTF_8));

    assertThat(r.json().path("permission").asText()).as(r.body()).isIn("allow", "deny");
    assertThat(hookAudit()).singleElement()
        .satisfies(e -> assertThat(e.path("tool").asText()).isEqualTo("mcp__localhost:3000__database_query"));
  }

  @Test
  void realCodexPayload_isDecidedOnTheCodexRoute_andAuditedAsCodex() {
    Response r = hook(Agent.CODEX, new String(corpus("codex_PreToolUse_Bash_stdin.json"), java.nio.charset.StandardCharsets.UTF_8));

    assertThat(r.json().path("hookSpecificOutput").path("hookEventName").asText()).isEqualTo("PreToolUse");
    assertThat(r.json().path("hookSpecificOutput").path("permissionDecision").asText()).as(r.body()).isEqualTo("deny");
    assertThat(hookAudit()).singleElement().satisfies(e -> assertThat(e.path("client").asText()).isEqualTo("codex"));
  }

  @Test
  void codexApplyPatch_ofItsOwnHookConfig_isDenied_andOfAnOrdinaryFile_isRecordedForASenior() {
    Response guard = hook(Agent.CODEX, applyPatch("*** Begin Patch\n*** Delete File: .codex/hooks.json\n*** End Patch"));
    Response doc = hook(Agent.CODEX, applyPatch("*** Begin Patch\n*** Add File: docs/new.md\n+hello\n*** End Patch"));

    assertThat(Agent.CODEX.decision(guard.json())).as(guard.body()).isEqualTo("deny");
    assertThat(Agent.CODEX.reason(guard.json())).contains("no-agent-edits-to-its-guard-config");
    assertThat(Agent.CODEX.decision(doc.json())).as(doc.body()).isEqualTo("deny");
    assertThat(Agent.CODEX.reason(doc.json())).contains("needs approval").contains("ai-assisted-production-needs-senior")
        .containsPattern("ch_[0-9A-Z]{26}");
  }

  @Test
  void everyAgentsAnswer_isAudited_withItsClient() {
    for (Agent agent : Agent.values()) {
      hook(agent, agent.shell("ls"));
    }

    assertThat(hookAudit()).extracting(e -> e.path("client").asText() + " " + e.path("event").asText() + " " + e.path("tool").asText())
        .containsExactly("cursor beforeShellExecution Bash", "gemini-cli BeforeTool Bash", "copilot preToolUse Bash",
            "codex PreToolUse Bash");
  }

  private static String applyPatch(String patch) {
    ObjectNode doc = Agent.CODEX.document().put("tool_name", "apply_patch");
    ((ObjectNode) doc.get("tool_input")).put("command", patch);
    return doc.toString();
  }

  private List<JsonNode> hookAudit() {
    List<JsonNode> out = new ArrayList<>();
    for (AuditRecord a : server.store.transaction(tx -> tx.audit().range(1, 1000))) {
      if (a.type().equals("hook.decided")) {
        try {
          out.add(JSON.readTree(a.payloadJson()));
        } catch (IOException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    return out;
  }
}
