package dev.countersign.server.hook;

/**
 * Claude Code's name for an MCP tool, {@code mcp__SERVER__TOOL}, built from what another client
 * sends about the server and the tool; the mapper reads the server and tool back from it.
 */
final class McpNames {
  static final String PREFIX = "mcp__";
  private static final int MAX_SERVER = 200;

  private McpNames() {}

  /**
   * {@code mcp__SERVER__TOOL}; a {@link HookPayloadException} when the server name contains {@code
   * __} (the name would read back as another server) or either part is blank.
   */
  static String name(String server, String tool) {
    if (server.isBlank() || tool.isBlank()) {
      throw new HookPayloadException("the MCP call names no server or no tool");
    }
    if (server.contains("__")) {
      throw new HookPayloadException("the MCP server name '" + HookJson.abbreviate(server)
          + "' contains '__', so Countersign cannot name the call unambiguously");
    }
    return PREFIX + server + "__" + tool;
  }

  /**
   * A server name from where the client reaches it, when the client sends no name: the URL without
   * its scheme, or the command line, with every character other than letters, digits, {@code .},
   * {@code :} and {@code -} replaced by {@code -}.
   */
  static String serverFrom(String urlOrCommand) {
    String s = urlOrCommand.strip().replaceFirst("^[A-Za-z][A-Za-z0-9+.-]*://", "");
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < s.length() && out.length() < MAX_SERVER; i++) {
      char c = s.charAt(i);
      boolean keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || c == '.' || c == ':' || c == '-';
      out.append(keep ? c : '-');
    }
    String name = out.toString().replaceAll("-+$", "");
    if (name.isEmpty()) {
      throw new HookPayloadException("the MCP call's server address is empty");
    }
    return name;
  }
}
