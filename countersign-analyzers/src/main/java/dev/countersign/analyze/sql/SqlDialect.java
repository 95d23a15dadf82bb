package dev.countersign.analyze.sql;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The SQL dialects Countersign reads. They differ in what is a comment, a string or an identifier,
 * which is what splitting statements safely depends on.
 */
public enum SqlDialect {
  /**
   * PostgreSQL: {@code $$} and {@code $tag$} bodies, nested block comments, {@code "identifiers"}.
   */
  POSTGRESQL("postgresql"),
  /**
   * MySQL and MariaDB: {@code #} comments, executable comments that begin with {@code /*!},
   * backslash escapes, {@code `identifiers`}, {@code DELIMITER}.
   */
  MYSQL("mysql");

  private static final Pattern MYSQL_MARKERS =
      Pattern.compile(
          "(?im)^\\s*DELIMITER\\s|`|\\bENGINE\\s*=|\\bAUTO_INCREMENT\\b|^\\s*#|/\\*!|\\bUNSIGNED\\b");
  private static final Pattern POSTGRES_MARKERS =
      Pattern.compile("(?i)\\$[A-Za-z_]*\\$|::|\\bSERIAL\\b|\\bPLPGSQL\\b|\\bJSONB\\b");

  private final String wire;

  SqlDialect(String wire) {
    this.wire = wire;
  }

  /** The lower-case name used on the command line. */
  public String wire() {
    return wire;
  }

  /** Finds a dialect by its name ({@code postgresql}, {@code postgres}, {@code mysql}, …). */
  public static Optional<SqlDialect> fromWire(String word) {
    return switch (word.toLowerCase(Locale.ROOT)) {
      case "postgresql", "postgres", "pg", "psql" -> Optional.of(POSTGRESQL);
      case "mysql", "mariadb" -> Optional.of(MYSQL);
      default -> Optional.empty();
    };
  }

  /**
   * Guesses the dialect of a migration from markers only one of them has (backticks, {@code
   * DELIMITER}, {@code ENGINE=} versus {@code $$}, {@code ::}, {@code SERIAL}); PostgreSQL when
   * nothing tells.
   */
  public static SqlDialect guess(String sql) {
    String head = sql.length() > 64 * 1024 ? sql.substring(0, 64 * 1024) : sql;
    long mysql = MYSQL_MARKERS.matcher(head).results().count();
    long postgres = POSTGRES_MARKERS.matcher(head).results().count();
    return mysql > postgres ? MYSQL : POSTGRESQL;
  }
}
