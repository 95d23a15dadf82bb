package dev.countersign.server.agent;

import static java.util.Objects.requireNonNull;

import dev.countersign.model.Verb;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the file operations of a Codex {@code apply_patch} patch ({@code *** Begin Patch}, then
 * {@code *** Add File:}, {@code *** Update File:} (optionally {@code *** Move to:}) and {@code ***
 * Delete File:} sections, then {@code *** End Patch}). Only the headers and each section's text are
 * needed: what the patch does to which file, and a hash of how.
 */
final class ApplyPatch {
  private static final String BEGIN = "*** Begin Patch";
  private static final String END = "*** End Patch";
  private static final String ADD = "*** Add File: ";
  private static final String UPDATE = "*** Update File: ";
  private static final String DELETE = "*** Delete File: ";
  private static final String MOVE = "*** Move to: ";

  private ApplyPatch() {}

  /** One file the patch touches: how, where, and the section's text (its lines joined). */
  record FileOp(Verb verb, String path, String movedTo, String body) {
    FileOp {
      requireNonNull(verb, "verb");
      requireNonNull(path, "path");
      requireNonNull(movedTo, "movedTo");
      requireNonNull(body, "body");
    }
  }

  /** The file operations, in patch order; a {@link ToolCallException} when it is no patch. */
  static List<FileOp> parse(String patch) {
    String[] lines = patch.strip().split("\r?\n", -1);
    if (lines.length < 2 || !lines[0].strip().equals(BEGIN)) {
      throw new ToolCallException("the apply_patch input does not start with '" + BEGIN + "'");
    }
    List<Section> sections = new ArrayList<>();
    boolean ended = false;
    for (int i = 1; i < lines.length; i++) {
      String line = lines[i];
      if (line.strip().equals(END)) {
        ended = true;
        break;
      }
      Optional<Section> next = header(line);
      if (next.isPresent()) {
        sections.add(next.get());
      } else if (sections.isEmpty()) {
        if (!line.isBlank()) {
          throw new ToolCallException(
              "the apply_patch input has text before its first file header (line " + (i + 1) + ")");
        }
      } else if (line.startsWith(MOVE) && sections.getLast().verb == Verb.UPDATE) {
        sections.getLast().movedTo = path(line, MOVE, i);
      } else {
        sections.getLast().body.append(line).append('\n');
      }
    }
    if (!ended) {
      throw new ToolCallException("the apply_patch input does not end with '" + END + "'");
    }
    List<FileOp> ops = sections.stream().map(Section::op).toList();
    if (ops.isEmpty()) {
      throw new ToolCallException("the apply_patch input names no file to add, update or delete");
    }
    return ops;
  }

  private static Optional<Section> header(String line) {
    if (line.startsWith(ADD)) {
      return Optional.of(new Section(Verb.CREATE, line.substring(ADD.length()).strip()));
    }
    if (line.startsWith(UPDATE)) {
      return Optional.of(new Section(Verb.UPDATE, line.substring(UPDATE.length()).strip()));
    }
    if (line.startsWith(DELETE)) {
      return Optional.of(new Section(Verb.DELETE, line.substring(DELETE.length()).strip()));
    }
    return Optional.empty();
  }

  private static String path(String line, String prefix, int index) {
    String p = line.substring(prefix.length()).strip();
    if (p.isEmpty()) {
      throw new ToolCallException("the apply_patch input has an empty path on line " + (index + 1));
    }
    return p;
  }

  /** A section being read. */
  private static final class Section {
    final Verb verb;
    final String path;
    String movedTo = "";
    final StringBuilder body = new StringBuilder();

    Section(Verb verb, String path) {
      if (path.isEmpty()) {
        throw new ToolCallException("the apply_patch input has a file header without a path");
      }
      this.verb = verb;
      this.path = path;
    }

    FileOp op() {
      return new FileOp(verb, path, movedTo, body.toString());
    }
  }
}
