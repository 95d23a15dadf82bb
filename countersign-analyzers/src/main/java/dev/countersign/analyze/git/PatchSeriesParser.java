package dev.countersign.analyze.git;

import dev.countersign.analyze.AnalysisException;
import dev.countersign.analyze.AnalysisException.Problem;
import dev.countersign.analyze.git.GitFileChange.Status;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Parses {@code git format-patch --stdout} output (held as ISO-8859-1 text, one char per byte) into
 * a {@link GitRange}: one commit per {@code From <sha> Mon Sep 17 00:00:00 2001} line, with its
 * author, subject and message for {@link Provenance}, and the file changes of all commits composed
 * into the changes of the series as a whole.
 */
final class PatchSeriesParser {

  static final Pattern FROM_LINE =
      Pattern.compile("From ([0-9a-f]{40}|[0-9a-f]{64}) Mon Sep 17 00:00:00 2001");
  private static final Pattern HUNK =
      Pattern.compile("@@ -(\\d{1,9})(?:,(\\d{1,9}))? \\+(\\d{1,9})(?:,(\\d{1,9}))? @@.*");
  private static final Pattern INDEX = Pattern.compile("index ([0-9a-f]+)\\.\\.([0-9a-f]+)( .*)?");
  private static final Pattern ENCODED_WORD =
      Pattern.compile("=\\?([^?\\s]+)\\?([bBqQ])\\?([^?\\s]*)\\?=");
  private static final Pattern BETWEEN_WORDS = Pattern.compile("(\\?=)[ \\t]+(=\\?)");
  private static final Pattern PATCH_WORD =
      Pattern.compile("\\b(PATCH|RFC)\\b", Pattern.CASE_INSENSITIVE);
  private static final Pattern COVER_LETTER = Pattern.compile("^\\[[^\\]]*\\b0+/\\d+\\]");
  private static final String NO_BLOB = "";

  private final String[] lines;
  private final int maxCommits;
  private final int maxFileChanges;
  private int i;
  private int fileChanges;

  PatchSeriesParser(String text, int maxCommits, int maxFileChanges) {
    // A byte-order mark (as ISO-8859-1 chars) is not part of the first line.
    this.lines =
        (text.startsWith("\u00EF\u00BB\u00BF") ? text.substring(3) : text).split("\n", -1);
    for (int k = 0; k < lines.length; k++) {
      if (lines[k].endsWith("\r")) {
        lines[k] = lines[k].substring(0, lines[k].length() - 1);
      }
    }
    this.maxCommits = maxCommits;
    this.maxFileChanges = maxFileChanges;
  }

  /** One commit's file change as its patch shows it. */
  private record Change(Status status, String path, String previous, String oldBlob, String newBlob,
      long added, long removed, boolean binary) {}

  GitRange parse() {
    while (i < lines.length && lines[i].isBlank()) {
      i++;
    }
    if (i >= lines.length) {
      throw AnalysisException.of(Problem.EMPTY, "the patch series is empty");
    }
    if (!FROM_LINE.matcher(lines[i]).matches()) {
      throw AnalysisException.at(
          Problem.INVALID_STRUCTURE,
          "not a patch series: it must start with git format-patch's"
              + " 'From <commit> Mon Sep 17 00:00:00 2001' line",
          i + 1,
          1,
          null);
    }
    List<GitCommit> commits = new ArrayList<>();
    List<List<Change>> changes = new ArrayList<>();
    while (i < lines.length) {
      Matcher from = FROM_LINE.matcher(lines[i]);
      if (!from.matches()) {
        i++;
        continue;
      }
      if (commits.size() >= maxCommits) {
        throw AnalysisException.of(
            Problem.TOO_LARGE, "the patch series holds more than " + maxCommits + " commits");
      }
      i++;
      List<Change> files = new ArrayList<>();
      GitCommit commit = commit(from.group(1), files);
      if (commit != null) {
        commits.add(commit);
        changes.add(files);
      }
    }
    if (commits.isEmpty()) {
      throw AnalysisException.of(
          Problem.INVALID_STRUCTURE, "the patch series holds only a cover letter, no commit");
    }
    List<GitFileChange> files = compose(changes);
    String first = commits.get(0).sha();
    String last = commits.get(commits.size() - 1).sha();
    List<GitCommit> newestFirst = new ArrayList<>(commits);
    Collections.reverse(newestFirst);
    return new GitRange(first + "^.." + last, first + "^", last, newestFirst, files);
  }

  /** One commit, or null for a cover letter. */
  private @Nullable GitCommit commit(String sha, List<Change> files) {
    Map<String, String> headers = headers();
    String author = person(headers.getOrDefault("from", ""));
    String rawSubject = words(headers.getOrDefault("subject", "")).strip();
    String subject = withoutPrefix(rawSubject);
    boolean coverLetter = !subject.equals(rawSubject) && COVER_LETTER.matcher(head(rawSubject)).find();
    StringBuilder body = new StringBuilder();
    while (i < lines.length && !endOfMessage(lines[i])) {
      body.append(lines[i]).append('\n');
      i++;
    }
    StringBuilder note = new StringBuilder();
    if (i < lines.length && lines[i].equals("---")) {
      i++;
      while (i < lines.length && !endOfMessage(lines[i])) {
        if (lines[i].equals("Notes (ai):")) { // format-patch --notes=ai: the refs/notes/ai note
          i++;
          while (i < lines.length && lines[i].startsWith("    ")) {
            note.append(lines[i], 4, lines[i].length()).append('\n');
            i++;
          }
          continue;
        }
        i++; // the diffstat
      }
    }
    while (i < lines.length && lines[i].startsWith("diff --git ")) {
      if (++fileChanges > maxFileChanges) {
        throw AnalysisException.of(
            Problem.TOO_LARGE,
            "the patch series changes files more than " + maxFileChanges + " times");
      }
      files.add(file());
    }
    while (i < lines.length && !FROM_LINE.matcher(lines[i]).matches()) {
      i++; // the signature, or what follows a diff that is not git's
    }
    if (coverLetter) {
      return null; // --cover-letter's "[PATCH 0/n]": the head's hash, but not a commit
    }
    String text = utf8(body.toString()).strip();
    String message = text.isEmpty() ? subject + "\n" : subject + "\n\n" + text + "\n";
    Provenance.Verdict v = Provenance.of(author, "", message, utf8(note.toString()));
    return new GitCommit(sha, author, "", subject, v.aiAssisted(), v.tool(), v.evidence());
  }

  /** The first 256 chars: enough for a subject's prefix, bounded for the regular expressions. */
  private static String head(String s) {
    return s.length() > 256 ? s.substring(0, 256) : s;
  }

  /** The subject without format-patch's {@code [PATCH n/m]} (or {@code [RFC PATCH]}) prefix. */
  private static String withoutPrefix(String subject) {
    int close = subject.startsWith("[") ? subject.indexOf(']') : -1;
    if (close < 0 || !PATCH_WORD.matcher(subject.substring(0, close)).find()) {
      return subject;
    }
    return subject.substring(close + 1).strip();
  }

  private boolean endOfMessage(String line) {
    return line.equals("---")
        || line.equals("-- ")
        || line.startsWith("diff --git ")
        || FROM_LINE.matcher(line).matches();
  }

  /** The mail headers, unfolded, by lower-case name (the first of each name). */
  private Map<String, String> headers() {
    Map<String, String> out = new HashMap<>();
    String name = null;
    StringBuilder value = new StringBuilder();
    while (i < lines.length && !lines[i].isEmpty()) {
      String line = lines[i];
      if ((line.startsWith(" ") || line.startsWith("\t")) && name != null) {
        value.append(line.startsWith(" ") ? line : " " + line.substring(1));
      } else {
        if (name != null) {
          out.putIfAbsent(name, value.toString());
        }
        int colon = line.indexOf(':');
        if (colon <= 0) {
          break; // not a header: the message starts without a blank line
        }
        name = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
        value.setLength(0);
        value.append(line.substring(colon + 1).strip());
      }
      i++;
    }
    if (name != null) {
      out.putIfAbsent(name, value.toString());
    }
    if (i < lines.length && lines[i].isEmpty()) {
      i++;
    }
    return out;
  }

  private Change file() {
    int at = i + 1;
    String[] ab = diffGitPaths(lines[i].substring("diff --git ".length()));
    i++;
    String oldPath = ab[0];
    String newPath = ab[1];
    String renameFrom = null;
    String renameTo = null;
    boolean copy = false;
    boolean added = false;
    boolean deleted = false;
    boolean binary = false;
    String oldBlob = NO_BLOB;
    String newBlob = NO_BLOB;
    long plus = 0;
    long minus = 0;
    while (i < lines.length) {
      String line = lines[i];
      Matcher hunk;
      if (line.startsWith("new file mode")) {
        added = true;
      } else if (line.startsWith("deleted file mode")) {
        deleted = true;
      } else if (line.startsWith("rename from ") || line.startsWith("copy from ")) {
        copy = line.startsWith("copy");
        renameFrom = path(line.substring(line.indexOf(" from ") + 6), false);
      } else if (line.startsWith("rename to ") || line.startsWith("copy to ")) {
        renameTo = path(line.substring(line.indexOf(" to ") + 4), false);
      } else if (line.startsWith("index ")) {
        Matcher m = INDEX.matcher(line);
        if (m.matches()) {
          oldBlob = m.group(1);
          newBlob = m.group(2);
        }
      } else if (line.startsWith("--- ")) {
        String p = path(line.substring(4), true);
        if (!p.isEmpty()) {
          oldPath = p;
        }
      } else if (line.startsWith("+++ ")) {
        String p = path(line.substring(4), true);
        if (!p.isEmpty()) {
          newPath = p;
        }
      } else if (line.startsWith("Binary files ")) {
        binary = true;
      } else if (line.equals("GIT binary patch")) {
        binary = true;
        i++;
        while (i < lines.length
            && !lines[i].startsWith("diff --git ")
            && !lines[i].equals("-- ")
            && !FROM_LINE.matcher(lines[i]).matches()) {
          i++;
        }
        break;
      } else if ((hunk = HUNK.matcher(line)).matches()) {
        long oldLeft = hunk.group(2) == null ? 1 : Long.parseLong(hunk.group(2));
        long newLeft = hunk.group(4) == null ? 1 : Long.parseLong(hunk.group(4));
        i++;
        while (i < lines.length && (oldLeft > 0 || newLeft > 0)) {
          String h = lines[i];
          char c = h.isEmpty() ? ' ' : h.charAt(0);
          if (c == '-') {
            oldLeft--;
            minus++;
          } else if (c == '+') {
            newLeft--;
            plus++;
          } else if (c == ' ') {
            oldLeft--;
            newLeft--;
          } else if (c != '\\') {
            break;
          }
          i++;
        }
        while (i < lines.length && lines[i].startsWith("\\")) {
          i++;
        }
        continue;
      } else if (!(line.startsWith("similarity index")
          || line.startsWith("dissimilarity index")
          || line.startsWith("old mode")
          || line.startsWith("new mode"))) {
        break;
      }
      i++;
    }
    if (binary) {
      plus = 0;
      minus = 0;
    }
    Status status;
    String path;
    String previous = "";
    if (renameFrom != null && renameTo != null) {
      status = copy ? Status.COPIED : Status.RENAMED;
      path = renameTo;
      previous = renameFrom;
    } else if (added) {
      status = Status.ADDED;
      path = newPath;
    } else if (deleted) {
      status = Status.DELETED;
      path = oldPath;
    } else {
      status = Status.MODIFIED;
      path = newPath;
    }
    if (path.isEmpty() || (status == Status.RENAMED || status == Status.COPIED) && previous.isEmpty()) {
      throw AnalysisException.at(
          Problem.INVALID_STRUCTURE, "a diff of the patch series names no file", at, 1, null);
    }
    return new Change(status, path, previous, oldBlob, newBlob, plus, minus, binary);
  }

  /** The a/ and b/ paths of a {@code diff --git} line (quoted or not; equal unless renamed). */
  private static String[] diffGitPaths(String rest) {
    if (rest.startsWith("\"")) {
      int end = quotedEnd(rest);
      String a = rest.substring(0, end);
      String b = end + 1 <= rest.length() ? rest.substring(Math.min(end + 1, rest.length())) : "";
      return new String[] {path(a, false, true), path(b, false, true)};
    }
    int quote = rest.indexOf(" \"");
    if (quote >= 0) {
      return new String[] {
        path(rest.substring(0, quote), false, true), path(rest.substring(quote + 1), false, true)
      };
    }
    int n = rest.length();
    if (n % 2 == 1 && rest.startsWith("a/") && rest.startsWith("b/", (n + 1) / 2)) {
      String a = rest.substring(2, (n - 1) / 2);
      String b = rest.substring((n + 1) / 2 + 2);
      if (a.equals(b)) {
        return new String[] {utf8(a), utf8(b)};
      }
    }
    int split = rest.indexOf(" b/");
    if (split < 0) {
      split = rest.indexOf(' ');
    }
    if (split < 0) {
      return new String[] {path(rest, false, true), path(rest, false, true)};
    }
    return new String[] {
      path(rest.substring(0, split), false, true), path(rest.substring(split + 1), false, true)
    };
  }

  private static int quotedEnd(String s) {
    for (int k = 1; k < s.length(); k++) {
      char c = s.charAt(k);
      if (c == '\\') {
        k++;
      } else if (c == '"') {
        return k + 1;
      }
    }
    return s.length();
  }

  private static String path(String raw, boolean dashes) {
    return path(raw, dashes, false);
  }

  /**
   * A path as a patch writes it: C-quoted when it holds special bytes, after {@code a/} or {@code
   * b/} in {@code ---}/{@code +++} lines (with a tab after paths holding spaces) and in the {@code
   * diff --git} line; {@code /dev/null} is no path.
   */
  private static String path(String raw, boolean dashes, boolean prefixed) {
    String s = raw;
    if (dashes && s.indexOf('\t') >= 0) {
      s = s.substring(0, s.indexOf('\t'));
    }
    if (dashes && s.equals("/dev/null")) {
      return "";
    }
    byte[] bytes = s.startsWith("\"") ? unquote(s) : s.getBytes(StandardCharsets.ISO_8859_1);
    String p = new String(bytes, StandardCharsets.UTF_8);
    if ((dashes || prefixed) && (p.startsWith("a/") || p.startsWith("b/"))) {
      p = p.substring(2);
    }
    return p;
  }

  /** Undoes git's C-style quoting ({@code "caf\303\251 \"x\".txt"}) into the path's bytes. */
  private static byte[] unquote(String s) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int end = s.length() > 1 && s.endsWith("\"") ? s.length() - 1 : s.length();
    for (int k = 1; k < end; k++) {
      char c = s.charAt(k);
      if (c != '\\' || k + 1 >= end) {
        out.write(c & 0xFF);
        continue;
      }
      char e = s.charAt(++k);
      if (e >= '0' && e <= '7') {
        int v = e - '0';
        int digits = 1;
        while (digits < 3 && k + 1 < end && s.charAt(k + 1) >= '0' && s.charAt(k + 1) <= '7') {
          v = v * 8 + (s.charAt(++k) - '0');
          digits++;
        }
        out.write(v & 0xFF);
      } else {
        out.write(
            switch (e) {
              case 'n' -> '\n';
              case 't' -> '\t';
              case 'r' -> '\r';
              case 'a' -> 7;
              case 'b' -> '\b';
              case 'f' -> '\f';
              case 'v' -> 11;
              default -> e & 0xFF;
            });
      }
    }
    return out.toByteArray();
  }

  /** A From header as {@code Name <email>}, the way {@code %an <%ae>} writes it. */
  private static String person(String header) {
    String s = words(header).strip();
    int lt = s.lastIndexOf('<');
    if (lt < 0) {
      return s;
    }
    String name = s.substring(0, lt).strip();
    if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
      name = name.substring(1, name.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
    }
    return name + " " + s.substring(lt);
  }

  /** A header value with its RFC 2047 encoded words decoded; the rest is taken as UTF-8. */
  static String words(String raw) {
    String s = BETWEEN_WORDS.matcher(raw).replaceAll("$1$2");
    Matcher m = ENCODED_WORD.matcher(s);
    StringBuilder out = new StringBuilder();
    int last = 0;
    while (m.find()) {
      out.append(utf8(s.substring(last, m.start())));
      out.append(decodeWord(m.group(1), m.group(2), m.group(3), m.group()));
      last = m.end();
    }
    out.append(utf8(s.substring(last)));
    return out.toString();
  }

  private static String decodeWord(String charsetName, String encoding, String text, String raw) {
    Charset charset;
    try {
      int star = charsetName.indexOf('*'); // RFC 2231 language suffix
      charset = Charset.forName(star >= 0 ? charsetName.substring(0, star) : charsetName);
    } catch (IllegalArgumentException e) {
      return raw;
    }
    byte[] bytes;
    if (encoding.equalsIgnoreCase("b")) {
      try {
        bytes = Base64.getDecoder().decode(text);
      } catch (IllegalArgumentException e) {
        return raw;
      }
    } else {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      for (int k = 0; k < text.length(); k++) {
        char c = text.charAt(k);
        if (c == '_') {
          out.write(' ');
        } else if (c == '=' && k + 2 < text.length()
            && hex(text.charAt(k + 1)) >= 0
            && hex(text.charAt(k + 2)) >= 0) {
          out.write(hex(text.charAt(k + 1)) * 16 + hex(text.charAt(k + 2)));
          k += 2;
        } else {
          out.write(c & 0xFF);
        }
      }
      bytes = out.toByteArray();
    }
    return new String(bytes, charset);
  }

  private static int hex(char c) {
    return Character.digit(c, 16);
  }

  /** Latin-1 text (one char per byte) re-read as UTF-8, invalid sequences replaced. */
  private static String utf8(String latin1) {
    return new String(latin1.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
  }

  /** A file's state over the series: where it was at the base, where it is now, its blobs. */
  private static final class Net {
    final String basePath;
    final boolean atBase;
    boolean exists = true;
    final String oldBlob;
    String newBlob;
    long added;
    long removed;
    boolean binary;

    Net(String basePath, boolean atBase, String oldBlob) {
      this.basePath = basePath;
      this.atBase = atBase;
      this.oldBlob = oldBlob;
    }

    void apply(Change c) {
      newBlob = c.newBlob().isEmpty() ? newBlob : c.newBlob();
      added += c.added();
      removed += c.removed();
      binary |= c.binary();
    }
  }

  /**
   * The series' changes as a whole, commit after commit: a file added then changed is added, a file
   * added then deleted is not there, a renamed file keeps the path it had at the base.
   */
  private static List<GitFileChange> compose(List<List<Change>> commits) {
    Map<String, Net> byPath = new LinkedHashMap<>();
    for (List<Change> changes : commits) {
      for (Change c : changes) {
        Net n;
        switch (c.status()) {
          case ADDED, COPIED -> {
            Net gone = byPath.get(c.path());
            if (gone != null && !gone.exists) {
              n = gone;
              n.exists = true;
            } else {
              n = new Net("", false, c.oldBlob().isEmpty() ? NO_BLOB : c.oldBlob());
            }
          }
          case RENAMED -> {
            Net moved = byPath.remove(c.previous());
            n = moved != null ? moved : new Net(c.previous(), true, c.oldBlob());
          }
          default -> {
            Net known = byPath.get(c.path());
            n = known != null ? known : new Net(c.path(), true, c.oldBlob());
            n.exists = c.status() != Status.DELETED;
          }
        }
        n.apply(c);
        byPath.put(c.path(), n);
      }
    }
    List<GitFileChange> out = new ArrayList<>();
    for (Map.Entry<String, Net> e : byPath.entrySet()) {
      Net n = e.getValue();
      String path = e.getKey();
      if (!n.atBase && !n.exists) {
        continue;
      }
      String newBlob = n.newBlob == null ? NO_BLOB : n.newBlob;
      Status status;
      String previous = "";
      if (!n.atBase) {
        status = Status.ADDED;
      } else if (!n.exists) {
        status = Status.DELETED;
        path = n.basePath;
      } else if (!n.basePath.equals(path)) {
        status = Status.RENAMED;
        previous = n.basePath;
      } else {
        status = Status.MODIFIED;
      }
      out.add(
          new GitFileChange(
              path, previous, status, n.added, n.removed, n.binary, n.oldBlob, newBlob));
    }
    out.sort(Comparator.comparing(GitFileChange::path));
    return out;
  }
}
