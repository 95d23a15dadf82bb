package dev.countersign.server.hook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One client's tool vocabulary in Claude Code's: each client tool that has a Claude Code
 * equivalent is renamed to it ({@code write_file} → {@code Write}), and the input fields Countersign
 * reads are renamed to Claude's ({@code path} → {@code file_path}), so every client's calls take the
 * same mapping and the same protected-path checks. Fields Countersign does not read are kept as
 * sent (reviewers see them, and the input digest covers them).
 *
 * <p>A field that arrives under two of its names with different values is refused, since the
 * client and Countersign could read different files. Tools not in the table keep their names: the
 * mapper decides them as Claude Code tools of that name, or as tools it does not know (opaque).
 */
final class ToolAliases {
  /** A client tool: the Claude Code tool it is, and for each Claude field the client's names for it. */
  record Alias(String tool, Map<String, List<String>> fields) {
    Alias {
      fields = Map.copyOf(fields);
    }
  }

  private final Map<String, Alias> table;

  private ToolAliases(Map<String, Alias> table) {
    this.table = Map.copyOf(table);
  }

  /** A table builder. */
  static Builder builder() {
    return new Builder();
  }

  /** The Claude Code tool a client tool is, if it has one. */
  Optional<Alias> alias(String clientTool) {
    return Optional.ofNullable(table.get(clientTool));
  }

  /**
   * {@code clientTool} and its input in Claude Code's names; unknown tools unchanged. A {@link
   * HookPayloadException} when one field arrives twice with different values.
   */
  Renamed rename(String clientTool, ObjectNode input) {
    Optional<Alias> alias = alias(clientTool);
    if (alias.isEmpty()) {
      return new Renamed(clientTool, input);
    }
    ObjectNode out = input.deepCopy();
    for (Map.Entry<String, List<String>> f : alias.get().fields().entrySet()) {
      renameField(clientTool, out, f.getKey(), f.getValue());
    }
    return new Renamed(alias.get().tool(), out);
  }

  /** A tool name and input in Claude Code's vocabulary. */
  record Renamed(String tool, ObjectNode input) {}

  private static void renameField(String clientTool, ObjectNode out, String target, List<String> names) {
    JsonNode value = null;
    String first = "";
    for (String name : names) {
      JsonNode v = out.get(name);
      if (v == null || v.isNull()) {
        continue;
      }
      if (value != null && !value.equals(v)) {
        throw new HookPayloadException("the " + clientTool + " call names '" + target + "' twice with different values ('"
            + first + "' and '" + name + "'), so Countersign cannot tell which one the agent uses");
      }
      if (value == null) {
        value = v;
        first = name;
      }
    }
    for (String name : names) {
      out.remove(name);
    }
    if (value != null) {
      out.set(target, value);
    }
  }

  /** Builds a table, one client tool at a time. */
  static final class Builder {
    private final Map<String, Alias> table = new LinkedHashMap<>();

    /**
     * {@code clientTool} is Claude Code's {@code tool}; {@code fields} are pairs of a Claude field
     * and the client's name(s) for it, separated by {@code |}, e.g. {@code "file_path", "path|file_path"}.
     */
    Builder tool(String clientTool, String tool, String... fields) {
      if (fields.length % 2 != 0) {
        throw new IllegalArgumentException("fields come in pairs: " + clientTool);
      }
      Map<String, List<String>> m = new LinkedHashMap<>();
      for (int i = 0; i < fields.length; i += 2) {
        m.put(fields[i], List.of(fields[i + 1].split("\\|")));
      }
      table.put(clientTool, new Alias(tool, m));
      return this;
    }

    ToolAliases build() {
      return new ToolAliases(table);
    }
  }
}
