package dev.countersign.analyze.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Object names as the database sees them: PostgreSQL folds unquoted names to lower case, MySQL
 * keeps them as written; quoted names are kept exactly, without their quotes. Parts are joined with
 * {@code .}.
 */
final class Names {

  private Names() {}

  /** One unquoted name part, folded as the dialect folds it. */
  static String fold(String part, SqlDialect dialect) {
    return dialect == SqlDialect.POSTGRESQL ? part.toLowerCase(Locale.ROOT) : part;
  }

  /**
   * A qualified name as written in SQL ({@code "Foo".bar}, {@code `db`.`t`}, {@code s.t}),
   * normalized: quotes removed from quoted parts, unquoted parts folded.
   */
  static String normalize(String written, SqlDialect dialect) {
    List<String> parts = new ArrayList<>();
    StringBuilder part = new StringBuilder();
    boolean quotedPart = false;
    int i = 0;
    while (i < written.length()) {
      char c = written.charAt(i);
      if (c == '"' || c == '`' || c == '[') {
        char close = c == '[' ? ']' : c;
        int j = i + 1;
        while (j < written.length()) {
          if (written.charAt(j) == close) {
            if (j + 1 < written.length() && written.charAt(j + 1) == close && close != ']') {
              part.append(close);
              j += 2;
              continue;
            }
            break;
          }
          part.append(written.charAt(j++));
        }
        quotedPart = true;
        i = j + 1;
      } else if (c == '.') {
        parts.add(quotedPart ? part.toString() : fold(part.toString().strip(), dialect));
        part.setLength(0);
        quotedPart = false;
        i++;
      } else {
        part.append(c);
        i++;
      }
    }
    parts.add(quotedPart ? part.toString() : fold(part.toString().strip(), dialect));
    return String.join(".", parts);
  }
}
