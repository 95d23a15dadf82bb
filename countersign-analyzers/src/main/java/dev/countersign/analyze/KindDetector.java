package dev.countersign.analyze;

import dev.countersign.analyze.AnalysisException.Problem;
import dev.countersign.model.ChangeKind;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.util.regex.Pattern;

/**
 * Tells the kind of a change from its first bytes: a JSON object with Terraform's top-level keys is
 * a plan, one with {@code Changes} and a change-set key a CloudFormation change set; JSON or YAML
 * with {@code apiVersion} and {@code kind} (or an admission request's {@code operation} and {@code
 * uid}) is Kubernetes; text whose first statement keyword, past comments, is a SQL one is SQL (see
 * {@link SqlHead}); a patch series of {@code git format-patch} (its {@code From <sha> Mon Sep 17
 * 00:00:00 2001} first line) is git; short text that is neither JSON, YAML nor SQL is a shell
 * command. Anything else is a typed error asking for the kind.
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
  // CloudFormation: describe-change-set output (Changes plus a change-set key).
  private static final Pattern CFN_CHANGES = Pattern.compile("\"Changes\"\\s*:");
  private static final Pattern CFN_KEY =
      Pattern.compile("\"(ChangeSetId|ChangeSetName|StackName|ResourceChange)\"\\s*:");
  // Kubernetes: an object (apiVersion and kind) or an admission request (operation and uid), as
  // JSON keys or as top-level YAML keys of text whose first line (past comments, ---) is a key.
  private static final Pattern K8S_JSON =
      Pattern.compile(
          "(?s)(?=.*\"apiVersion\"\\s*:)(?=.*\"kind\"\\s*:)"
              + "|(?=.*\"operation\"\\s*:)(?=.*\"uid\"\\s*:)");
  private static final Pattern K8S_YAML_KEY_LINE =
      Pattern.compile("[\"']?[A-Za-z_][\\w./-]*[\"']?:(\\s|$)");
  private static final Pattern K8S_YAML_OBJECT =
      Pattern.compile(
          "(?ms)(?=.*^apiVersion:[ \\t]*\\S)(?=.*^kind:[ \\t]*\\S)|(?=.*^operation:)(?=.*^uid:)");

  // git format-patch --stdout: each commit starts with this mbox line (the date is fixed).
  private static final Pattern PATCH_SERIES =
      Pattern.compile("From [0-9a-f]{40}([0-9a-f]{24})? Mon Sep 17 00:00:00 2001\\r?\\n");

  private KindDetector() {}

  static ChangeKind detect(byte[] content) {
    String text = decodeHead(content).strip();
    if (text.isEmpty()) {
      throw AnalysisException.of(Problem.EMPTY, "the input is empty");
    }
    if (PATCH_SERIES.matcher(text).lookingAt()) {
      return ChangeKind.GIT;
    }
    char first = text.charAt(0);
    if (first == '{') {
      if (PLAN_KEY.matcher(text).find()) {
        return ChangeKind.TERRAFORM_PLAN;
      }
      if (CFN_CHANGES.matcher(text).find() && CFN_KEY.matcher(text).find()) {
        return ChangeKind.CLOUDFORMATION_CHANGESET;
      }
      if (K8S_JSON.matcher(text).lookingAt()) {
        return ChangeKind.KUBERNETES;
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
    if (startsWithYamlKey(text) && K8S_YAML_OBJECT.matcher(text).lookingAt()) {
      return ChangeKind.KUBERNETES;
    }
    if (SqlHead.looksLikeSql(text)) {
      return ChangeKind.SQL;
    }
    if (YAML_KEY.matcher(text).find()) {
      throw unrecognized("YAML");
    }
    if (content.length > HEAD_BYTES
        || text.length() > SHELL_MAX_CHARS
        || text.lines().count() > SHELL_MAX_LINES) {
      throw unrecognized("long text (a script?)");
    }
    return ChangeKind.SHELL;
  }

  /**
   * Whether the first line past blank lines, comments, directives and {@code ---} is a YAML key (a
   * loop, not a regular expression: a repeated group over many lines overflows the regex stack).
   */
  private static boolean startsWithYamlKey(String text) {
    for (String line : (Iterable<String>) text.lines()::iterator) {
      String t = line.strip();
      if (!(t.isEmpty() || t.startsWith("#") || t.startsWith("%") || t.equals("---"))) {
        return K8S_YAML_KEY_LINE.matcher(line).lookingAt();
      }
    }
    return false;
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
