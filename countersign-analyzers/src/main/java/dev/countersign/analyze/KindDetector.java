package dev.countersign.analyze;

import dev.countersign.analyze.AnalysisException.Problem;
import dev.countersign.model.ChangeKind;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Tells the kind of a change from its first bytes: a JSON object with Terraform's top-level keys is
 * a plan; short text that is neither JSON, YAML nor SQL is a shell command. Anything else is a
 * typed error asking for the kind.
 */
final class KindDetector {

  /** How much of the input detection looks at. */
  static final int HEAD_BYTES = 64 * 1024;

  private static final int SHELL_MAX_CHARS = 16 * 1024;
  private static final int SHELL_MAX_LINES = 100;
  private static final Pattern PLAN_KEY =
      Pattern.compile(
          "\"(format_version|plan_format_version|terraform_version|resource_changes|planned_values)\"\\s*:");
  private static final Pattern YAML_KEY =
      Pattern.compile("(?m)\\A(---|%YAML|[A-Za-z_][\\w.-]*:(\\s|$))");
  private static final Set<String> SQL_WORDS =
      Set.of(
          "SELECT",
          "INSERT",
          "UPDATE",
          "DELETE",
          "CREATE",
          "ALTER",
          "DROP",
          "TRUNCATE",
          "GRANT",
          "REVOKE",
          "BEGIN",
          "COMMIT",
          "WITH",
          "MERGE",
          "REPLACE");

  private KindDetector() {}

  static ChangeKind detect(byte[] content) {
    String text = decodeHead(content).strip();
    if (text.isEmpty()) {
      throw AnalysisException.of(Problem.EMPTY, "the input is empty");
    }
    char first = text.charAt(0);
    if (first == '{') {
      if (PLAN_KEY.matcher(text).find()) {
        return ChangeKind.TERRAFORM_PLAN;
      }
      throw unrecognized(
          "a JSON object that is not a Terraform plan (no format_version, terraform_version or"
              + " resource_changes)");
    }
    if (first == '[') {
      throw unrecognized("a JSON array");
    }
    if (text.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\t' && c != '\r')
        || text.indexOf('\uFFFD') >= 0) {
      throw unrecognized("binary data or text in an unsupported encoding");
    }
    if (YAML_KEY.matcher(text).find()) {
      throw unrecognized("YAML");
    }
    String firstWord = text.split("\\s+", 2)[0].toUpperCase(Locale.ROOT);
    if (SQL_WORDS.contains(firstWord)) {
      throw unrecognized("SQL");
    }
    if (content.length > HEAD_BYTES
        || text.length() > SHELL_MAX_CHARS
        || text.lines().count() > SHELL_MAX_LINES) {
      throw unrecognized("long text (a script?)");
    }
    return ChangeKind.SHELL;
  }

  /** Decodes leniently: detection only looks; the analyser decodes strictly afterwards. */
  private static String decodeHead(byte[] content) {
    int length = Math.min(content.length, HEAD_BYTES);
    ByteBuffer head = ByteBuffer.wrap(content, 0, length);
    Encoding encoding = Encoding.UTF_8;
    if (length >= 3
        && (content[0] & 0xFF) == 0xEF
        && (content[1] & 0xFF) == 0xBB
        && (content[2] & 0xFF) == 0xBF) {
      head.position(3);
    } else if (length >= 2 && (content[0] & 0xFF) == 0xFF && (content[1] & 0xFF) == 0xFE) {
      encoding = Encoding.UTF_16LE;
      head.position(2);
    } else if (length >= 2 && (content[0] & 0xFF) == 0xFE && (content[1] & 0xFF) == 0xFF) {
      encoding = Encoding.UTF_16BE;
      head.position(2);
    }
    try {
      return encoding
          .charset()
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPLACE)
          .onUnmappableCharacter(CodingErrorAction.REPLACE)
          .decode(head)
          .toString();
    } catch (java.nio.charset.CharacterCodingException e) {
      throw new IllegalStateException("a replacing decoder does not fail", e);
    }
  }

  private static AnalysisException unrecognized(String what) {
    return AnalysisException.of(
        Problem.UNRECOGNIZED,
        "cannot tell the kind of this change: it looks like "
            + what
            + "; give the kind explicitly (e.g. --kind terraform-plan or --kind shell)");
  }
}
