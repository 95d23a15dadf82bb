package dev.countersign.server.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.countersign.analyze.Analyzers;
import dev.countersign.analyze.InputLimits;
import dev.countersign.model.Action;
import dev.countersign.model.ChangeKind;
import dev.countersign.model.Finding;
import dev.countersign.model.Verb;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Agent tools become normalized actions (issue 4, "Map tools to changes"). */
class ToolMapperTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ToolMapper MAPPER =
      new ToolMapper(
          command -> Analyzers.standard().analyze(ChangeKind.SHELL, command.getBytes(StandardCharsets.UTF_8), InputLimits.defaults()),
          ProtectedPaths.defaults());

  private static ToolCall call(String tool, String inputJson) {
    try {
      return new ToolCall("claude-code", "PreToolUse", "s-1", "/home/dev/shop", "default", tool,
          (ObjectNode) JSON.readTree(inputJson));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static Action only(ToolAction a) {
    assertThat(a.analysis().actions()).hasSize(1);
    return a.analysis().actions().get(0);
  }

  @Test
  void bash_isAnalysedAsAShellCommand() {
    ToolAction a = MAPPER.map(call("Bash", "{\"command\":\"rm -rf ./prod-env\",\"description\":\"clean\"}"));

    assertThat(a.analysis().kind()).isEqualTo(ChangeKind.SHELL);
    assertThat(a.analysis().destructive()).isTrue();
    assertThat(a.content()).isEqualTo("rm -rf ./prod-env");
    assertThat(a.title()).isEqualTo("Bash: rm -rf ./prod-env");
  }

  @Test
  void bashWithoutACommand_cannotBeUsed() {
    assertThatThrownBy(() -> MAPPER.map(call("Bash", "{\"cmd\":\"ls\"}")))
        .isInstanceOf(ToolCallException.class)
        .hasMessageContaining("'command'");
  }

  @Test
  void inputDigest_ignoresTheModelsDescription_butNotTheCommand() {
    String a = MAPPER.map(call("Bash", "{\"command\":\"ls\",\"description\":\"one\"}")).inputDigest();
    String b = MAPPER.map(call("Bash", "{\"command\":\"ls\",\"description\":\"two\"}")).inputDigest();
    String c = MAPPER.map(call("Bash", "{\"command\":\"ls -la\"}")).inputDigest();

    assertThat(a).isEqualTo(b).startsWith("sha256:").isNotEqualTo(c);
  }

  @Test
  void write_isAnUpdateOfTheFile_addressedRelativeToTheWorkingDirectory() {
    Action w = only(MAPPER.map(call("Write", "{\"file_path\":\"/home/dev/shop/prod-env/new.conf\",\"content\":\"x\"}")));

    assertThat(w.verb()).isEqualTo(Verb.UPDATE);
    assertThat(w.resourceType()).isEqualTo("file");
    assertThat(w.address()).isEqualTo("prod-env/new.conf");
  }

  @Test
  void editsWithOtherContent_haveOtherContentHashes() {
    Action a = only(MAPPER.map(call("Edit", "{\"file_path\":\"a.txt\",\"old_string\":\"x\",\"new_string\":\"y\"}")));
    Action b = only(MAPPER.map(call("Edit", "{\"file_path\":\"a.txt\",\"old_string\":\"x\",\"new_string\":\"z\"}")));

    assertThat(a.contentHash()).isNotEqualTo(b.contentHash());
    assertThat(a.address()).isEqualTo(b.address()).isEqualTo("a.txt");
  }

  @Test
  void multiEdit_isStillHandledForOlderClients() {
    Action m = only(MAPPER.map(call("MultiEdit",
        "{\"file_path\":\"/home/dev/shop/app.py\",\"edits\":[{\"old_string\":\"a\",\"new_string\":\"b\"}]}")));

    assertThat(m.verb()).isEqualTo(Verb.UPDATE);
    assertThat(m.address()).isEqualTo("app.py");
  }

  @Test
  void writingTheAgentsOwnHookSettings_raisesTheGuardConfigFinding() {
    ToolAction a = MAPPER.map(call("Write", "{\"file_path\":\"/home/dev/shop/.claude/settings.json\",\"content\":\"{}\"}"));

    assertThat(a.analysis().findings()).extracting(Finding::code).containsExactly(ProtectedPaths.GUARD_CONFIG);
  }

  @Test
  void editingACiWorkflow_raisesTheProtectedPathFinding() {
    ToolAction a = MAPPER.map(call("Edit",
        "{\"file_path\":\"/home/dev/shop/.github/workflows/deploy.yml\",\"old_string\":\"a\",\"new_string\":\"b\"}"));

    assertThat(a.analysis().findings()).extracting(Finding::code).containsExactly(ProtectedPaths.PROTECTED_PATH);
  }

  @Test
  void readingAProtectedPath_raisesNoFinding() {
    ToolAction a = MAPPER.map(call("Read", "{\"file_path\":\"/home/dev/shop/.claude/settings.json\"}"));

    assertThat(only(a).verb()).isEqualTo(Verb.READ);
    assertThat(a.analysis().findings()).isEmpty();
    assertThat(a.analysis().mutating()).isFalse();
  }

  @Test
  void globGrepAndLs_areReads() {
    assertThat(only(MAPPER.map(call("Glob", "{\"pattern\":\"**/*.tf\"}"))).verb()).isEqualTo(Verb.READ);
    assertThat(only(MAPPER.map(call("Grep", "{\"pattern\":\"password\",\"path\":\"/etc\"}"))).address()).isEqualTo("/etc");
    assertThat(only(MAPPER.map(call("LS", "{\"path\":\"/home/dev/shop/infra\"}"))).address()).isEqualTo("infra");
  }

  @Test
  void mcpTool_isAnExecOfServerAndTool_hashedOverItsArguments() {
    Action a = only(MAPPER.map(call("mcp__guardtest__deploy", "{\"service\":\"billing\",\"env\":\"production\"}")));
    Action b = only(MAPPER.map(call("mcp__guardtest__deploy", "{\"env\":\"production\",\"service\":\"billing\"}")));
    Action c = only(MAPPER.map(call("mcp__guardtest__deploy", "{\"service\":\"ledger\",\"env\":\"production\"}")));

    assertThat(a.verb()).isEqualTo(Verb.EXEC);
    assertThat(a.address()).isEqualTo("mcp/guardtest/deploy");
    assertThat(a.contentHash()).as("key order does not matter").isEqualTo(b.contentHash()).isNotEqualTo(c.contentHash());
  }

  @Test
  void unknownTool_isAnOpaqueExec() {
    ToolAction a = MAPPER.map(call("Teleport", "{\"to\":\"prod\"}"));

    assertThat(only(a).verb()).isEqualTo(Verb.EXEC);
    assertThat(a.analysis().kind()).isEqualTo(ChangeKind.AGENT_TOOL);
    assertThat(a.analysis().findings()).extracting(Finding::code).containsExactly(ToolMapper.OPAQUE);
  }

  @Test
  void malformedMcpName_isOpaqueToo() {
    ToolAction a = MAPPER.map(call("mcp__nothing", "{}"));

    assertThat(a.analysis().findings()).extracting(Finding::code).containsExactly(ToolMapper.OPAQUE);
  }

  @Test
  void sessionOnlyTool_changesNothing() {
    ToolAction a = MAPPER.map(call("TodoWrite", "{\"todos\":[]}"));

    assertThat(only(a).verb()).isEqualTo(Verb.NOOP);
    assertThat(a.analysis().findings()).isEmpty();
  }

  @Test
  void applyPatch_isOneActionPerFile() {
    String patch = String.join("\n",
        "*** Begin Patch",
        "*** Add File: docs/new.md",
        "+hello",
        "*** Update File: src/app.py",
        "*** Move to: src/main.py",
        "@@ def greet():",
        "-print(\"Hi\")",
        "+print(\"Hello\")",
        "*** Delete File: .codex/hooks.json",
        "*** End Patch");
    ToolAction a = MAPPER.map(call("apply_patch", JSON.createObjectNode().put("command", patch).toString()));

    assertThat(a.analysis().actions())
        .extracting(x -> x.verb().wire() + " " + x.address())
        .containsExactly("create docs/new.md", "update src/app.py", "create src/main.py", "delete .codex/hooks.json");
    assertThat(a.analysis().findings()).extracting(Finding::code).containsExactly(ProtectedPaths.GUARD_CONFIG);
  }

  @Test
  void applyPatchWithoutAPatch_cannotBeUsed() {
    assertThatThrownBy(() -> MAPPER.map(call("apply_patch", "{\"command\":\"rm -rf /\"}")))
        .isInstanceOf(ToolCallException.class)
        .hasMessageContaining("Begin Patch");
  }
}
