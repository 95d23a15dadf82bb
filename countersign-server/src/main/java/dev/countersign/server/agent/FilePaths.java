package dev.countersign.server.agent;

/**
 * The address of a file an agent touches: relative to the agent's working directory when inside
 * it (so the same edit in two checkouts is the same action), lexically normalized, with '/'.
 */
final class FilePaths {
  private FilePaths() {}

  /** {@code path} as an address relative to {@code cwd} when it lies inside it. */
  static String address(String cwd, String path) {
    String p = normalize(path.replace('\\', '/'));
    if (!cwd.isEmpty() && p.startsWith("/")) {
      String base = normalize(cwd.replace('\\', '/'));
      base = base.endsWith("/") ? base : base + "/";
      if (p.startsWith(base)) {
        return p.substring(base.length()).isEmpty() ? "." : p.substring(base.length());
      }
      if ((p + "/").equals(base)) {
        return ".";
      }
    }
    return p;
  }

  /** Removes {@code .} segments and resolves {@code ..} where it can, without touching a disk. */
  static String normalize(String path) {
    boolean absolute = path.startsWith("/");
    java.util.ArrayDeque<String> out = new java.util.ArrayDeque<>();
    for (String seg : path.split("/+")) {
      if (seg.isEmpty() || seg.equals(".")) {
        continue;
      }
      if (seg.equals("..") && !out.isEmpty() && !out.peekLast().equals("..")) {
        out.removeLast();
      } else if (!(seg.equals("..") && absolute)) {
        out.addLast(seg);
      }
    }
    String joined = String.join("/", out);
    if (absolute) {
      return "/" + joined;
    }
    return joined.isEmpty() ? "." : joined;
  }
}
