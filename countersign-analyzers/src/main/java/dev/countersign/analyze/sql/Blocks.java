package dev.countersign.analyze.sql;

import java.util.Locale;
import java.util.Set;

/**
 * Keeps count of {@code BEGIN … END} blocks inside a routine being created, so that the {@code ;}
 * of the statements in its body do not end the {@code CREATE}: MySQL routines, triggers and events
 * written without {@code DELIMITER}, and PostgreSQL's {@code BEGIN ATOMIC} bodies.
 *
 * <p>{@code END IF}, {@code END LOOP}, {@code END WHILE} and {@code END REPEAT} close nothing it
 * counts; {@code END CASE} and a bare {@code END} close a {@code CASE} or a {@code BEGIN}.
 */
final class Blocks {

  private static final Set<String> ROUTINES = Set.of("PROCEDURE", "FUNCTION", "TRIGGER", "EVENT");
  private static final Set<String> END_OF_UNCOUNTED = Set.of("IF", "LOOP", "WHILE", "REPEAT");
  private static final int HEADER_WORDS = 8;

  private final boolean mysql;
  private int words;
  private boolean create;
  private boolean routine;
  private boolean atomic;
  private int depth;
  private boolean pendingEnd;
  private String previous = "";

  Blocks(SqlDialect dialect) {
    this.mysql = dialect == SqlDialect.MYSQL;
  }

  /** Forgets the statement: the next word is the first of a new one. */
  void reset() {
    words = 0;
    create = false;
    routine = false;
    atomic = false;
    depth = 0;
    pendingEnd = false;
    previous = "";
  }

  /** Whether a delimiter here falls inside an open block (and so does not end the statement). */
  boolean open() {
    settleEnd();
    return depth > 0;
  }

  /** Takes the next word of the statement (outside literals and comments). */
  void word(String raw) {
    String w = raw.toUpperCase(Locale.ROOT);
    int index = words++;
    if (index == 0) {
      create = w.equals("CREATE");
    } else if (create && index < HEADER_WORDS && ROUTINES.contains(w)) {
      routine = true;
    }
    if (routine) {
      count(w);
    }
    previous = w;
  }

  private void count(String w) {
    if (pendingEnd) {
      pendingEnd = false;
      if (END_OF_UNCOUNTED.contains(w)) {
        return;
      }
      depth = Math.max(0, depth - 1);
      if (w.equals("CASE")) {
        return;
      }
    }
    boolean counting = mysql || atomic;
    if (!mysql && !atomic && previous.equals("BEGIN") && w.equals("ATOMIC")) {
      atomic = true;
      depth++;
      return;
    }
    if (!counting) {
      return;
    }
    switch (w) {
      case "BEGIN" -> depth += mysql ? 1 : 0;
      case "CASE" -> depth++;
      case "END" -> pendingEnd = true;
      default -> {
        // other words change nothing
      }
    }
  }

  private void settleEnd() {
    if (pendingEnd) {
      pendingEnd = false;
      depth = Math.max(0, depth - 1);
    }
  }
}
