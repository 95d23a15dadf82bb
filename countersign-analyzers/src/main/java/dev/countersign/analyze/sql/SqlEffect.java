package dev.countersign.analyze.sql;

import static java.util.Objects.requireNonNull;

import dev.countersign.model.Action;

/**
 * One thing a SQL statement does, as an action, with the statement kind and line it comes from.
 *
 * @param line the 1-based input line of the statement that does it
 * @param kind the statement kind, e.g. {@code DROP TABLE}, {@code DELETE FROM ... WHERE}, {@code
 *     DELETE FROM (no WHERE)}, {@code ALTER COLUMN V TYPE}, {@code RENAME COLUMN}, {@code INSERT}
 * @param destructive whether the kind loses data or breaks readers: drops, truncates, deletes,
 *     renames and column type changes (what {@code corpus/sql/DESTRUCTIVE.tsv} lists)
 * @param action the normalized action
 */
public record SqlEffect(int line, String kind, boolean destructive, Action action) {

  public SqlEffect {
    requireNonNull(kind, "kind");
    requireNonNull(action, "action");
  }
}
