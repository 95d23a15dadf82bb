package dev.countersign.server.hook;

import static dev.countersign.server.hook.ClaudeCodeHookTest.corpus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.countersign.analyze.Analyzers;
import dev.countersign.analyze.InputLimits;
import dev.countersign.model.Action;
import dev.countersign.model.ChangeKind;
import dev.countersign.model.Finding;
import dev.countersign.server.agent.ProtectedPaths;
import dev.countersign.server.agent.ToolAction;
import dev.countersign.server.agent.ToolCall;
import dev.countersign.server.agent.ToolCallException;
import dev.countersign.server.agent.ToolMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The non-shell tools of Cursor, Gemini CLI and Copilot take Claude Code's mapping: each documented
 * request shape (resources/agents, see SOURCES.md) becomes the same canonical tool, actions and
 * protected-path findings as the Claude Code call that does the same thing.
 */
class OtherAgentToolsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ToolMapper MAPPER = new ToolMapper(
      command -> Analyzers.standard().analyze(ChangeKind.SHELL, command.getBytes(StandardCharsets.UTF_8), InputLimits.defaults()),
      ProtectedPaths.defaults());

  private static HookFormat format(String client) {
    return switch (client) {
      case "cursor" -> new CursorHook(JSON);
      case "gemini" -> new GeminiCliHook(JSON);
      case "copilot" -> new CopilotHook(JSON);
      default -> new ClaudeCodeHook(JSON);
    };
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static String describe(ToolAction a) {
    Action x = a.analysis().actions().get(0);
    return x.verb().wire() + " " + x.resourceType() + " " + x.address();
  }

  private static List<String> findingCodes(ToolAction a) {
    return a.analysis().findings().stream().map(Finding::code).toList();
  }

  @ParameterizedTest(name = "{0}: {1} -> {2}, {3}")
  @CsvSource(delimiter = '|', value = {
    "cursor  | cursor_beforeMCPExecution_stdin.json       | mcp__localhost:3000__database_query | exec mcp mcp/localhost:3000/database_query",
    "cursor  | cursor_beforeReadFile_stdin.json           | Read       | read file secrets.env",
    "cursor  | cursor_preToolUse_Write_stdin.json         | Write      | update file docs/notes.md",
    "gemini  | gemini_BeforeTool_write_file_stdin.json    | Write      | update file docs/notes.md",
    "gemini  | gemini_BeforeTool_replace_stdin.json       | Edit       | update file src/app.py",
    "gemini  | gemini_BeforeTool_read_file_stdin.json     | Read       | read file src/app.py",
    "gemini  | gemini_BeforeTool_mcp_stdin.json           | mcp__db__query | exec mcp mcp/db/query",
    "copilot | copilot_preToolUse_create_stdin.json       | Write      | update file docs/notes.md",
    "copilot | copilot_preToolUse_edit_stdin.json         | Edit       | update file src/app.py",
    "copilot | copilot_preToolUse_view_stdin.json         | Read       | read file src/app.py",
  })
  void documentedToolPayload_isClaudesToolWithTheSameAction(String client, String file, String tool, String action) {
    ToolCall call = format(client).parse(corpus(file));
    ToolAction mapped = MAPPER.map(call);

    assertThat(call.toolName()).isEqualTo(tool);
    assertThat(describe(mapped)).isEqualTo(action);
    assertThat(findingCodes(mapped)).isEmpty();
  }

  @Test
  void geminiWriteFile_isTheSameChangeAsClaudesWrite_ofTheSameContent() {
    ToolAction gemini = MAPPER.map(format("gemini").parse(corpus("gemini_BeforeTool_write_file_stdin.json")));
    ToolAction claude = MAPPER.map(format("claude").parse(bytes(
        "{\"hook_event_name\":\"PreToolUse\",\"cwd\":\"/home/dev/shop\",\"tool_name\":\"Write\",\"tool_input\":"
            + "{\"file_path\":\"/home/dev/shop/docs/notes.md\",\"content\":\"hello\\n\"}}")));

    assertThat(gemini.analysis().actions()).isEqualTo(claude.analysis().actions());
    assertThat(gemini.inputDigest()).isEqualTo(claude.inputDigest());
  }

  @Test
  void cursorReadFile_doesNotKeepTheFilesContent() {
    ToolCall call = format("cursor").parse(corpus("cursor_beforeReadFile_stdin.json"));

    assertThat(call.input().toString()).doesNotContain("API_KEY");
    assertThat(MAPPER.map(call).content()).doesNotContain("API_KEY");
  }

  // --- protected paths: the agent's own hook settings and CI, for every client's file tools ---

  private static String geminiWrite(String path) {
    return "{\"hook_event_name\":\"BeforeTool\",\"cwd\":\"/home/dev/shop\",\"tool_name\":\"write_file\","
        + "\"tool_input\":{\"file_path\":\"" + path + "\",\"content\":\"x\"}}";
  }

  private static String geminiReplace(String path) {
    return "{\"hook_event_name\":\"BeforeTool\",\"cwd\":\"/home/dev/shop\",\"tool_name\":\"replace\","
        + "\"tool_input\":{\"file_path\":\"" + path + "\",\"old_string\":\"a\",\"new_string\":\"b\"}}";
  }

  private static String copilot(String tool, String args) {
    return "{\"cwd\":\"/home/dev/shop\",\"toolName\":\"" + tool + "\",\"toolArgs\":" + JSON.valueToTree(args) + "}";
  }

  private static String cursorTool(String tool, String input) {
    return "{\"hook_event_name\":\"preToolUse\",\"cwd\":\"/home/dev/shop\",\"tool_name\":\"" + tool + "\",\"tool_input\":" + input + "}";
  }

  @ParameterizedTest(name = "{0} {1} -> {2}")
  @CsvSource(delimiter = '|', value = {
    "gemini  | .github/workflows/x.yml                  | protected-path",
    "gemini  | /home/dev/shop/.gemini/settings.json     | agent-guard-config",
    "gemini  | .cursor/hooks.json                       | agent-guard-config",
    "gemini  | .github/hooks/countersign.json           | agent-guard-config",
    "gemini  | .codex/hooks.json                        | agent-guard-config",
    "gemini  | .claude/settings.json                    | agent-guard-config",
    "gemini  | infra/prod/main.tf                       | protected-path",
    "copilot | .github/workflows/x.yml                  | protected-path",
    "copilot | .github/hooks/hooks.json                 | agent-guard-config",
    "copilot | .github/copilot/settings.local.json      | agent-guard-config",
    "cursor  | .github/workflows/x.yml                  | protected-path",
    "cursor  | /home/dev/shop/.cursor/hooks.json        | agent-guard-config",
  })
  void fileChangeToAProtectedPath_carriesTheFinding_forEveryFileTool(String client, String path, String code) {
    List<String> bodies = switch (client) {
      case "gemini" -> List.of(geminiWrite(path), geminiReplace(path));
      case "copilot" -> List.of(
          copilot("create", "{\"path\":\"" + path + "\",\"file_text\":\"x\"}"),
          copilot("edit", "{\"path\":\"" + path + "\",\"old_str\":\"a\",\"new_str\":\"b\"}"),
          copilot("str_replace_editor", "{\"command\":\"create\",\"path\":\"" + path + "\",\"file_text\":\"x\"}"));
      default -> List.of(
          cursorTool("Write", "{\"path\":\"" + path + "\",\"contents\":\"x\"}"),
          cursorTool("StrReplace", "{\"path\":\"" + path + "\",\"old_string\":\"a\",\"new_string\":\"b\"}"),
          cursorTool("Delete", "{\"path\":\"" + path + "\"}"));
    };
    for (String body : bodies) {
      assertThat(findingCodes(MAPPER.map(format(client).parse(bytes(body))))).as(body).contains(code);
    }
  }

  @Test
  void readOfAProtectedPath_isARead_withoutAFinding_asForClaudesRead() {
    ToolAction cursor = MAPPER.map(format("cursor").parse(bytes(
        "{\"hook_event_name\":\"beforeReadFile\",\"workspace_roots\":[\"/p\"],\"file_path\":\"/p/.cursor/hooks.json\",\"content\":\"{}\"}")));
    ToolAction gemini = MAPPER.map(format("gemini").parse(bytes(
        "{\"hook_event_name\":\"BeforeTool\",\"cwd\":\"/p\",\"tool_name\":\"read_file\",\"tool_input\":{\"file_path\":\"/p/.github/workflows/x.yml\"}}")));

    assertThat(describe(cursor)).isEqualTo("read file .cursor/hooks.json");
    assertThat(describe(gemini)).isEqualTo("read file .github/workflows/x.yml");
    assertThat(findingCodes(cursor)).isEmpty();
    assertThat(findingCodes(gemini)).isEmpty();
  }

  @Test
  void cursorDelete_isADeleteOfTheFile() {
    ToolAction a = MAPPER.map(format("cursor").parse(bytes(cursorTool("Delete", "{\"path\":\"/home/dev/shop/old.txt\"}"))));

    assertThat(describe(a)).isEqualTo("delete file old.txt");
  }

  // --- the other documented tools ---

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
    "{\"tool_name\":\"glob\",\"tool_input\":{\"pattern\":\"**/*.py\",\"dir_path\":\"/home/dev/shop/src\"}} | Glob | read file src",
    "{\"tool_name\":\"grep_search\",\"tool_input\":{\"pattern\":\"TODO\",\"dir_path\":\"/home/dev/shop/src\"}} | Grep | read file src",
    "{\"tool_name\":\"search_file_content\",\"tool_input\":{\"pattern\":\"TODO\",\"path\":\"src\"}} | Grep | read file src",
    "{\"tool_name\":\"list_directory\",\"tool_input\":{\"dir_path\":\"/home/dev/shop\"}} | LS | read file .",
    "{\"tool_name\":\"read_many_files\",\"tool_input\":{\"include\":[\"docs/**/*.md\",\"README.md\"]}} | read_many_files | read file docs/**/*.md",
    "{\"tool_name\":\"google_web_search\",\"tool_input\":{\"query\":\"jackson 2.22 release\"}} | WebSearch | read web-search jackson 2.22 release",
    "{\"tool_name\":\"web_fetch\",\"tool_input\":{\"prompt\":\"Summarise https://example.com/a and https://example.org/b.\"}} | WebFetch | read url https://example.com/a",
    "{\"tool_name\":\"write_todos\",\"tool_input\":{\"todos\":[]}} | TodoWrite | noop agent-tool TodoWrite",
  })
  void geminiReadAndSessionTools_areClaudesReads(String partial, String tool, String action) {
    String body = "{\"hook_event_name\":\"BeforeTool\",\"cwd\":\"/home/dev/shop\"," + partial.substring(1);
    ToolCall call = format("gemini").parse(bytes(body));
    ToolAction a = MAPPER.map(call);

    assertThat(call.toolName()).isEqualTo(tool);
    assertThat(describe(a)).isEqualTo(action);
    assertThat(a.analysis().actions()).allSatisfy(x -> assertThat(x.verb().mutating()).isFalse());
  }

  @Test
  void geminiReadManyFiles_readsEveryEntry_andWebFetch_everyUrl() {
    ToolAction many = MAPPER.map(format("gemini").parse(bytes(
        "{\"hook_event_name\":\"BeforeTool\",\"tool_name\":\"read_many_files\",\"tool_input\":{\"paths\":[\"a.md\",\"b.md\"]}}")));
    ToolAction fetch = MAPPER.map(format("gemini").parse(bytes(
        "{\"hook_event_name\":\"BeforeTool\",\"tool_name\":\"web_fetch\",\"tool_input\":{\"prompt\":\"compare https://a.example/x, https://b.example/y\"}}")));

    assertThat(many.analysis().actions()).extracting(Action::address).containsExactly("a.md", "b.md");
    assertThat(fetch.analysis().actions()).extracting(Action::address).containsExactly("https://a.example/x", "https://b.example/y");
  }

  @Test
  void geminiWebFetchWithoutAUrl_cannotBeUsed() {
    ToolCall call = format("gemini").parse(bytes(
        "{\"hook_event_name\":\"BeforeTool\",\"tool_name\":\"web_fetch\",\"tool_input\":{\"prompt\":\"fetch the docs\"}}"));

    assertThatThrownBy(() -> MAPPER.map(call)).isInstanceOf(ToolCallException.class).hasMessageContaining("URL");
  }

  @Test
  void geminiMcpTool_isNamedByItsMcpContext_evenWhenTheToolNameIsNotClaudes() {
    ToolCall call = format("gemini").parse(bytes("{\"hook_event_name\":\"BeforeTool\",\"tool_name\":\"query\","
        + "\"tool_input\":{},\"mcp_context\":{\"server_name\":\"db\",\"tool_name\":\"query\",\"url\":\"http://db:1\"}}"));

    assertThat(call.toolName()).isEqualTo("mcp__db__query");
  }

  @Test
  void cursorMcp_takesTheServerFromTheCommandWithoutAUrl_orFromAnMcpToolName() {
    ToolCall byCommand = format("cursor").parse(bytes("{\"hook_event_name\":\"beforeMCPExecution\",\"tool_name\":\"deploy\","
        + "\"tool_input\":\"{\\\"env\\\":\\\"production\\\"}\",\"command\":\"npx -y @acme/deploy-mcp\"}"));
    ToolCall byName = format("cursor").parse(bytes("{\"hook_event_name\":\"preToolUse\",\"tool_name\":\"MCP:deployer:deploy\","
        + "\"tool_input\":{\"env\":\"production\"}}"));

    assertThat(byCommand.toolName()).isEqualTo("mcp__npx--y--acme-deploy-mcp__deploy");
    assertThat(byCommand.input().path("env").asText()).isEqualTo("production");
    assertThat(describe(MAPPER.map(byName))).isEqualTo("exec mcp mcp/deployer/deploy");
  }

  @Test
  void cursorShellTool_isAnalysedAsAShellCommand() {
    ToolAction a = MAPPER.map(format("cursor").parse(bytes(cursorTool("Shell", "{\"command\":\"rm -rf ./prod-env\",\"working_directory\":\"/p\"}"))));

    assertThat(a.analysis().kind()).isEqualTo(ChangeKind.SHELL);
    assertThat(a.analysis().destructive()).isTrue();
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(delimiter = '|', value = {
    "gemini  | {\"hook_event_name\":\"BeforeTool\",\"tool_name\":\"save_memory\",\"tool_input\":{\"fact\":\"x\"}}",
    "copilot | {\"toolName\":\"github-mcp-server-create_issue\",\"toolArgs\":\"{}\"}",
    "copilot | {\"toolName\":\"str_replace_editor\",\"toolArgs\":\"{\\\"command\\\":\\\"frobnicate\\\",\\\"path\\\":\\\"a\\\"}\"}",
    "cursor  | {\"hook_event_name\":\"preToolUse\",\"tool_name\":\"MCP:deploy\",\"tool_input\":{}}",
    "cursor  | {\"hook_event_name\":\"preToolUse\",\"tool_name\":\"GenerateImage\",\"tool_input\":{\"description\":\"x\"}}",
  })
  void unknownTool_staysOpaque(String client, String body) {
    assertThat(findingCodes(MAPPER.map(format(client).parse(bytes(body))))).containsExactly(ToolMapper.OPAQUE);
  }

  // --- malformed input: a HookPayloadException (the adapter's deny) or a ToolCallException (deny) ---

  @ParameterizedTest
  @ValueSource(strings = {
    "{\"hook_event_name\":\"beforeMCPExecution\",\"tool_name\":\"q\",\"tool_input\":{}}",
    "{\"hook_event_name\":\"beforeMCPExecution\",\"tool_name\":\"q\",\"url\":\"http://x\"}",
    "{\"hook_event_name\":\"beforeMCPExecution\",\"tool_name\":\"q\",\"tool_input\":\"not json\",\"url\":\"http://x\"}",
    "{\"hook_event_name\":\"beforeMCPExecution\",\"tool_name\":\"MCP:a__b:q\",\"tool_input\":{}}",
    "{\"hook_event_name\":\"beforeReadFile\",\"content\":\"x\"}",
    "{\"hook_event_name\":\"beforeReadFile\",\"file_path\":[\"a\"]}",
    "{\"hook_event_name\":\"preToolUse\",\"tool_name\":\"Write\"}",
    "{\"hook_event_name\":\"preToolUse\",\"tool_name\":\"Shell\",\"tool_input\":{}}",
    "{\"hook_event_name\":\"preToolUse\",\"tool_name\":\"Write\",\"tool_input\":{\"path\":\"a\",\"file_path\":\".cursor/hooks.json\"}}",
    "{\"hook_event_name\":\"afterFileEdit\",\"file_path\":\"a\"}"})
  void cursorMalformedPayload_cannotBeRead(String body) {
    assertThatThrownBy(() -> format("cursor").parse(bytes(body))).isInstanceOf(HookPayloadException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "{\"hook_event_name\":\"BeforeTool\",\"tool_name\":\"mcp__db__query\",\"tool_input\":{},\"mcp_context\":{\"server_name\":\"other\",\"tool_name\":\"query\"}}",
    "{\"hook_event_name\":\"BeforeTool\",\"tool_name\":\"q\",\"tool_input\":{},\"mcp_context\":{\"tool_name\":\"q\"}}",
    "{\"hook_event_name\":\"BeforeTool\",\"tool_name\":\"q\",\"tool_input\":{},\"mcp_context\":\"db\"}",
    "{\"hook_event_name\":\"BeforeTool\",\"tool_name\":\"write_file\",\"tool_input\":{\"file_path\":\"a\"},\"mcp_context\":{\"server_name\":\"s\",\"tool_name\":\"t\"}}",
    "{\"hook_event_name\":\"BeforeTool\",\"tool_name\":\"read_file\",\"tool_input\":{\"file_path\":\"a\",\"absolute_path\":\"/etc/shadow\"}}"})
  void geminiMalformedPayload_cannotBeRead(String body) {
    assertThatThrownBy(() -> format("gemini").parse(bytes(body))).isInstanceOf(HookPayloadException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "{\"toolName\":\"create\",\"toolArgs\":\"[]\"}",
    "{\"toolName\":\"edit\",\"toolArgs\":\"{\\\"path\\\":\\\"a\\\",\\\"file_path\\\":\\\"b\\\"}\"}"})
  void copilotMalformedPayload_cannotBeRead(String body) {
    assertThatThrownBy(() -> format("copilot").parse(bytes(body))).isInstanceOf(HookPayloadException.class);
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(delimiter = '|', value = {
    "gemini  | {\"hook_event_name\":\"BeforeTool\",\"tool_name\":\"write_file\",\"tool_input\":{\"content\":\"x\"}}",
    "gemini  | {\"hook_event_name\":\"BeforeTool\",\"tool_name\":\"read_many_files\",\"tool_input\":{\"include\":\"a.md\"}}",
    "gemini  | {\"hook_event_name\":\"BeforeTool\",\"tool_name\":\"read_many_files\",\"tool_input\":{\"include\":[1]}}",
    "copilot | {\"toolName\":\"create\",\"toolArgs\":\"{\\\"file_text\\\":\\\"x\\\"}\"}",
    "copilot | {\"toolName\":\"view\",\"toolArgs\":\"{\\\"path\\\":7}\"}",
    "cursor  | {\"hook_event_name\":\"preToolUse\",\"tool_name\":\"Delete\",\"tool_input\":{}}",
  })
  void toolInputWithoutItsPath_cannotBeUsed(String client, String body) {
    ToolCall call = format(client).parse(bytes(body));

    assertThatThrownBy(() -> MAPPER.map(call)).isInstanceOf(ToolCallException.class);
  }

  @Test
  void renamingDoesNotChangeTheClientsInput() {
    ObjectNode input = (ObjectNode) JSON.createObjectNode().put("path", "a.txt").put("file_text", "x");
    CopilotHook.TOOLS.rename("create", input);

    assertThat(input.has("path")).isTrue();
    assertThat(input.has("file_path")).isFalse();
  }
}
