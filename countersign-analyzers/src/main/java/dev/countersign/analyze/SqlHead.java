package dev.countersign.analyze;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells SQL from other text by its first statement keyword, past SQL comments ({@code --}, {@code
 * #}, {@code /* *}{@code /}): {@code DROP TABLE x} is SQL, {@code psql -c "DROP TABLE x"} is not.
 *
 * <p>Keywords that are also shell commands only count with what SQL puts after them: {@code
 * truncate -s 0 f} and {@code rename 's/a/b/' *} are shell, {@code TRUNCATE t} and {@code RENAME
 * TABLE a TO b} are SQL; bash's {@code select x in …} is shell.
 */
final class SqlHead {

  private static final Set<String> KEYWORDS =
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
          "REPLACE",
          "RENAME",
          "DO",
          "DELIMITER",
          "EXPLAIN",
          "VACUUM",
          "COMMENT");
  private static final Pattern FIRST = Pattern.compile("([A-Za-z]+)(?=[\\s(;]|$)\\s*(\\S*)");
  private static final Pattern BASH_SELECT =
      Pattern.compile("(?i)select\\s+[A-Za-z_]\\w*\\s+in\\b.*");

  private SqlHead() {}

  /** Whether the text's first statement, past comments, starts with a SQL keyword. */
  static boolean looksLikeSql(String text) {
    String body = pastComments(text);
    Matcher m = FIRST.matcher(body);
    if (!m.lookingAt()) {
      return false;
    }
    String word = m.group(1).toUpperCase(Locale.ROOT);
    String next = m.group(2).toUpperCase(Locale.ROOT);
    if (!KEYWORDS.contains(word) || next.startsWith("-")) {
      return false;
    }
    return switch (word) {
      case "REPLACE" -> next.equals("INTO") || next.startsWith("INTO");
      case "RENAME" -> next.equals("TABLE") || next.equals("USER");
      case "DO" -> next.startsWith("$") || next.startsWith("'") || next.equals("LANGUAGE");
      case "SELECT" -> !BASH_SELECT.matcher(body).matches();
      default -> true;
    };
  }

  private static String pastComments(String text) {
    int i = 0;
    while (i < text.length()) {
      while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
        i++;
      }
      if (text.startsWith("--", i) || text.startsWith("#", i)) {
        int nl = text.indexOf('\n', i);
        i = nl < 0 ? text.length() : nl + 1;
      } else if (text.startsWith("/*", i)) {
        int end = text.indexOf("*/", i + 2);
        if (end < 0) {
          return "";
        }
        i = end + 2;
      } else {
        break;
      }
    }
    return text.substring(i);
  }
}
