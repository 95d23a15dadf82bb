package dev.countersign.analyze.shell;

import dev.countersign.analyze.shell.Verdict.Outcome;
import dev.countersign.model.Verb;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A deliberately small reading of SQL given to {@code psql -c} or {@code mysql -e}: statements are
 * split on {@code ;} outside quotes and comments, and only their first keywords are read. DROP
 * TABLE/DATABASE/SCHEMA, TRUNCATE, DELETE without WHERE and ALTER TABLE ... DROP COLUMN are
 * deletes; SELECT, SHOW, EXPLAIN (not ANALYZE) and DESCRIBE read; anything else is exec.
 */
final class SqlText {

  private static final Pattern DROP =
      Pattern.compile(
          "DROP\\s+(TABLE|DATABASE|SCHEMA)\\s+(IF\\s+EXISTS\\s+)?(.+?)(\\s+(CASCADE|RESTRICT))?\\s*",
          Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
  private static final Pattern TRUNCATE =
      Pattern.compile(
          "TRUNCATE\\s+(TABLE\\s+)?(ONLY\\s+)?(.+?)(\\s+(RESTART|CONTINUE|CASCADE|RESTRICT)\\b.*)?",
          Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
  private static final Pattern DELETE_ALL =
      Pattern.compile("DELETE\\s+FROM\\s+(\\S+)\\s*", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
  private static final Pattern DROP_COLUMN =
      Pattern.compile(
          "ALTER\\s+TABLE\\s+(IF\\s+EXISTS\\s+)?(ONLY\\s+)?(\\S+)\\s+DROP\\s+(COLUMN\\s+)?(IF\\s+EXISTS\\s+)?(\\S+).*",
          Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
  private static final List<String> READS =
      List.of("SELECT", "SHOW", "DESCRIBE", "DESC", "\\D", "\\L", "\\DT");

  private SqlText() {}

  /** Whether a statement drops a whole database or schema (an environment-level container). */
  static boolean dropsContainer(Outcome o) {
    return o.resourceType().equals("sql-database") || o.resourceType().equals("sql-schema");
  }

  /** One outcome per statement (destructive statements may name several tables). */
  static List<Outcome> classify(String sql, String client) {
    List<Outcome> outcomes = new ArrayList<>();
    for (String statement : statements(sql)) {
      outcomes.addAll(statement(statement, client));
    }
    return outcomes;
  }

  private static List<Outcome> statement(String s, String client) {
    Matcher m;
    if ((m = DROP.matcher(s)).matches()) {
      String kind = "sql-" + m.group(1).toLowerCase(Locale.ROOT);
      return each(m.group(3), kind, client + " runs DROP " + m.group(1).toUpperCase(Locale.ROOT));
    }
    if ((m = TRUNCATE.matcher(s)).matches()) {
      return each(m.group(3), "sql-table", client + " runs TRUNCATE, which removes every row");
    }
    if ((m = DELETE_ALL.matcher(s)).matches()) {
      return List.of(
          new Outcome(
              Verb.DELETE,
              "sql-table",
              m.group(1),
              true,
              client + " runs DELETE without WHERE, which removes every row"));
    }
    if ((m = DROP_COLUMN.matcher(s)).matches()
        && !m.group(6).equalsIgnoreCase("CONSTRAINT")
        && !m.group(6).equalsIgnoreCase("INDEX")
        && !m.group(6).equalsIgnoreCase("DEFAULT")) {
      return List.of(
          new Outcome(
              Verb.DELETE,
              "sql-column",
              m.group(3) + "." + m.group(6),
              true,
              client + " runs ALTER TABLE ... DROP COLUMN"));
    }
    String first = s.split("\\s+", 2)[0].toUpperCase(Locale.ROOT);
    boolean explain = first.equals("EXPLAIN") && !s.toUpperCase(Locale.ROOT).contains("ANALYZE");
    if (READS.contains(first) || explain) {
      return List.of(
          new Outcome(
              Verb.READ, "sql", abbreviate(s), false, client + " runs a query that only reads"));
    }
    return List.of(
        new Outcome(
            Verb.EXEC,
            "sql",
            abbreviate(s),
            false,
            client + " runs SQL that Countersign does not classify here"));
  }

  private static List<Outcome> each(String names, String kind, String reason) {
    List<Outcome> outcomes = new ArrayList<>();
    for (String name : names.split(",")) {
      if (!name.isBlank()) {
        outcomes.add(new Outcome(Verb.DELETE, kind, name.strip(), true, reason));
      }
    }
    return outcomes;
  }

  /** Splits on semicolons outside quotes and comments, and strips comments and blank statements. */
  static List<String> statements(String sql) {
    List<String> out = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    int i = 0;
    while (i < sql.length()) {
      char c = sql.charAt(i);
      if (c == '\'' || c == '"' || c == '`') {
        int end = sql.indexOf(c, i + 1);
        end = end < 0 ? sql.length() - 1 : end;
        current.append(sql, i, end + 1);
        i = end + 1;
      } else if (sql.startsWith("--", i) || c == '#') {
        int end = sql.indexOf('\n', i);
        i = end < 0 ? sql.length() : end;
      } else if (sql.startsWith("/*", i)) {
        int end = sql.indexOf("*/", i + 2);
        i = end < 0 ? sql.length() : end + 2;
        current.append(' ');
      } else if (c == ';') {
        add(out, current);
        i++;
      } else {
        current.append(c);
        i++;
      }
    }
    add(out, current);
    return out;
  }

  private static void add(List<String> out, StringBuilder current) {
    String s = current.toString().strip();
    if (!s.isEmpty()) {
      out.add(s);
    }
    current.setLength(0);
  }

  private static String abbreviate(String s) {
    String flat = s.replaceAll("\\s+", " ");
    return flat.length() > 80 ? flat.substring(0, 77) + "..." : flat;
  }
}
