package dev.countersign.server.agent;

import static java.util.Objects.requireNonNull;

import dev.countersign.model.Action;
import dev.countersign.model.Analysis;
import dev.countersign.model.BlastRadius;
import dev.countersign.model.ChangeKind;
import dev.countersign.model.Finding;
import dev.countersign.model.Severity;
import dev.countersign.model.Verb;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Turns an agent's tool call into what it would do:
 *
 * <ul>
 *   <li>{@code Bash} (Claude Code, and Codex's shell): the shell analyser on {@code
 *       tool_input.command}, a change of kind {@code shell};
 *   <li>{@code Write}, {@code Edit}, {@code MultiEdit}, {@code NotebookEdit}: an update of a {@code
 *       file} at the path; {@code Delete} (Cursor's): a delete of it; Codex's {@code apply_patch}: a
 *       create, update or delete per file of the patch;
 *   <li>{@code Read}, {@code NotebookRead}, {@code Glob}, {@code Grep}, {@code LS}: a read of the
 *       path; Gemini CLI's {@code read_many_files}: a read per entry of {@code include}; {@code
 *       WebFetch}, {@code WebSearch}: a read of the URL (or of each URL its {@code prompt} names,
 *       as Gemini CLI's {@code web_fetch} sends no {@code url}) or search;
 *   <li>{@code mcp__SERVER__TOOL}: an exec of {@code mcp/SERVER/TOOL}, hashed over its arguments;
 *   <li>tools that act inside the agent's own session only ({@code TodoWrite}, {@code Task}, …): a
 *       noop;
 *   <li>any other tool: an exec with an {@code opaque} finding (policy sends it to a human in
 *       production).
 * </ul>
 *
 * Other clients' hook adapters rename their tools to these names first (Gemini CLI's {@code
 * write_file} is a {@code Write}), so every client gets the same mapping. Every mutating file action
 * is checked against the {@link ProtectedPaths}. Everything but {@code Bash} is a change of kind
 * {@code agent-tool}.
 */
public final class ToolMapper {
  /** Finding code for a tool Countersign does not know. */
  public static final String OPAQUE = "opaque";

  private static final Set<String> EDITS = Set.of("Write", "Edit", "MultiEdit", "NotebookEdit");
  private static final Set<String> READS = Set.of("Read", "NotebookRead", "Glob", "Grep", "LS");
  private static final Set<String> SESSION_ONLY =
      Set.of("TodoWrite", "Task", "Agent", "ToolSearch", "ExitPlanMode", "AskUserQuestion", "ListAgents", "BashOutput");
  private static final int TITLE = 160;

  private final Function<String, Analysis> shell;
  private final ProtectedPaths paths;

  /**
   * A mapper that analyses shell commands with {@code shell} (which throws the analysers' typed
   * exception for input it cannot read) and checks file changes against {@code paths}.
   */
  public ToolMapper(Function<String, Analysis> shell, ProtectedPaths paths) {
    this.shell = requireNonNull(shell, "shell");
    this.paths = requireNonNull(paths, "paths");
  }

  /** What the call would do; a {@link ToolCallException} when its input cannot be used. */
  public ToolAction map(ToolCall call) {
    String tool = call.toolName();
    if (tool.equals("Bash")) {
      return bash(call);
    }
    List<Action> actions;
    List<Finding> findings = new ArrayList<>();
    if (EDITS.contains(tool)) {
      actions = FileTools.edit(call);
    } else if (tool.equals("Delete")) {
      actions = FileTools.delete(call);
    } else if (tool.equals("apply_patch")) {
      actions = FileTools.patch(call);
    } else if (tool.equals("read_many_files")) {
      actions = FileTools.readMany(call);
    } else if (READS.contains(tool)) {
      actions = FileTools.read(call);
    } else if (tool.equals("WebFetch") || tool.equals("WebSearch")) {
      actions = WebTools.actions(call);
    } else if (McpTool.is(tool)) {
      actions = List.of(McpTool.action(call));
    } else if (SESSION_ONLY.contains(tool)) {
      actions = List.of(new Action(Verb.NOOP, "agent-tool", tool, "", false,
          tool + " works inside the agent's session only", Inputs.hash(Inputs.effective(call.input()))));
    } else {
      actions = List.of(new Action(Verb.EXEC, "agent-tool", tool, "", false,
          "an agent tool Countersign does not know", Inputs.hash(Inputs.effective(call.input()))));
      findings.add(new Finding(Severity.WARNING, OPAQUE,
          "Countersign does not know the agent tool '" + tool + "', so it cannot tell what the call changes; a human should look.",
          tool));
    }
    findings.addAll(paths.findings(actions));
    Analysis analysis = Analysis.of(ChangeKind.AGENT_TOOL, actions, findings, BlastRadius.none());
    Map<String, Object> content = new LinkedHashMap<>();
    content.put("tool", tool);
    content.put("input", Inputs.plain(call.input()));
    return new ToolAction(
        analysis,
        Inputs.abbreviate(tool + ": " + summary(actions), TITLE),
        dev.countersign.digest.CanonicalJson.write(content),
        inputDigest(tool, Inputs.effective(call.input())));
  }

  private ToolAction bash(ToolCall call) {
    String command = Inputs.text(call.input(), "command", "Bash");
    Analysis analyzed = shell.apply(command);
    List<Finding> findings = new ArrayList<>(analyzed.findings());
    findings.addAll(paths.findings(analyzed.actions()));
    Analysis analysis = Analysis.of(analyzed.kind(), analyzed.actions(), findings, analyzed.blastRadius());
    return new ToolAction(
        analysis,
        Inputs.abbreviate("Bash: " + command, TITLE),
        command,
        inputDigest("Bash", Map.of("command", command)));
  }

  private static String summary(List<Action> actions) {
    List<String> parts = new ArrayList<>();
    for (Action a : actions) {
      parts.add(a.verb().wire() + " " + a.address());
    }
    return String.join(", ", parts);
  }

  private static String inputDigest(String tool, Map<String, Object> effective) {
    return "sha256:" + Inputs.hash(Map.of("tool", tool, "input", effective));
  }
}
