package dev.countersign.server.agent;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.countersign.model.Action;
import dev.countersign.model.Verb;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The actions of the file tools: Claude Code's Write/Edit/MultiEdit/NotebookEdit and reads, Codex's
 * apply_patch, a file deletion ({@code Delete}, Cursor's) and Gemini CLI's {@code read_many_files}.
 */
final class FileTools {
  static final String FILE = "file";

  private FileTools() {}

  /** Write, Edit, MultiEdit, NotebookEdit: one update of the file, hashed over what is written. */
  static List<Action> edit(ToolCall call) {
    String field = call.toolName().equals("NotebookEdit") ? "notebook_path" : "file_path";
    String path = Inputs.text(call.input(), field, call.toolName());
    Map<String, Object> effective = Inputs.effective(call.input());
    effective.remove(field);
    String reason =
        switch (call.toolName()) {
          case "Write" -> "Write replaces the whole file, or creates it";
          case "NotebookEdit" -> "NotebookEdit changes a notebook cell";
          default -> call.toolName() + " replaces text in the file";
        };
    return List.of(
        new Action(Verb.UPDATE, FILE, FilePaths.address(call.cwd(), path), "", false, reason,
            Inputs.hash(effective)));
  }

  /** Delete: one deletion of the file at {@code file_path}. */
  static List<Action> delete(ToolCall call) {
    String path = Inputs.text(call.input(), "file_path", call.toolName());
    return List.of(
        new Action(Verb.DELETE, FILE, FilePaths.address(call.cwd(), path), "", false,
            call.toolName() + " deletes the file", Inputs.hash(Inputs.effective(call.input()))));
  }

  /** read_many_files (Gemini CLI): one read per path or glob in {@code include}. */
  static List<Action> readMany(ToolCall call) {
    List<String> paths = Inputs.texts(call.input(), "include", call.toolName());
    String hash = Inputs.hash(Inputs.effective(call.input()));
    List<Action> out = new ArrayList<>();
    for (String p : paths) {
      out.add(new Action(Verb.READ, FILE, FilePaths.address(call.cwd(), p), "", false,
          call.toolName() + " reads the files it matches", hash));
    }
    return out;
  }

  /** apply_patch: one action per file section of the patch in {@code tool_input.command}. */
  static List<Action> patch(ToolCall call) {
    String patch = Inputs.text(call.input(), "command", call.toolName());
    List<Action> out = new ArrayList<>();
    for (ApplyPatch.FileOp op : ApplyPatch.parse(patch)) {
      String address = FilePaths.address(call.cwd(), op.path());
      String hash = Inputs.hash(Map.of("verb", op.verb().wire(), "movedTo", op.movedTo(), "body", op.body()));
      if (!op.movedTo().isEmpty()) {
        String target = FilePaths.address(call.cwd(), op.movedTo());
        out.add(new Action(Verb.UPDATE, FILE, address, "", false, "apply_patch moves the file to " + target, hash));
        out.add(new Action(Verb.CREATE, FILE, target, "", false, "apply_patch moves " + address + " here", hash));
      } else {
        out.add(new Action(op.verb(), FILE, address, "", false, "apply_patch " + describe(op.verb()) + " the file", hash));
      }
    }
    return out;
  }

  /** Read, NotebookRead, Glob, Grep, LS: one read of the file or folder. */
  static List<Action> read(ToolCall call) {
    String tool = call.toolName();
    String path =
        switch (tool) {
          case "Read" -> Inputs.text(call.input(), "file_path", tool);
          case "NotebookRead" -> Inputs.text(call.input(), "notebook_path", tool);
          default -> Inputs.optionalText(call.input(), "path", tool).orElse(call.cwd().isEmpty() ? "." : call.cwd());
        };
    String reason =
        Inputs.optionalText(call.input(), "pattern", tool)
            .map(p -> tool + " searches for " + Inputs.abbreviate(p, 80))
            .orElse(tool + " reads it");
    return List.of(
        new Action(Verb.READ, FILE, FilePaths.address(call.cwd(), path), "", false, reason,
            Inputs.hash(Inputs.effective(call.input()))));
  }

  private static String describe(Verb verb) {
    return switch (verb) {
      case CREATE -> "adds";
      case DELETE -> "deletes";
      default -> "changes";
    };
  }
}
