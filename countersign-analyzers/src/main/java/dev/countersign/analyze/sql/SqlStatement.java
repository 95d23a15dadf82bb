package dev.countersign.analyze.sql;

import static java.util.Objects.requireNonNull;

import dev.countersign.model.Action;
import dev.countersign.model.Finding;
import java.util.List;

/**
 * One statement of a SQL text and what it does.
 *
 * @param line the 1-based input line where the statement starts
 * @param text the statement, comments removed and whitespace collapsed
 * @param parsed whether JSqlParser parsed it; otherwise its keywords were read and an {@code
 *     unparsed-statement} finding says so (a PostgreSQL {@code DO} block is read by Countersign's
 *     procedural reader, statement by statement, and is never "parsed" itself)
 * @param effects what it does; for a {@code DO} block, what the statements in its body do, each
 *     with its own line
 * @param findings what a reviewer should know about it, each message starting with its line
 */
public record SqlStatement(
    int line, String text, boolean parsed, List<SqlEffect> effects, List<Finding> findings) {

  public SqlStatement {
    requireNonNull(text, "text");
    effects = List.copyOf(effects);
    findings = List.copyOf(findings);
  }

  /** The statement's actions, in order. */
  public List<Action> actions() {
    return effects.stream().map(SqlEffect::action).toList();
  }

  /** Whether the statement loses data or breaks readers (see {@link SqlEffect#destructive()}). */
  public boolean destructive() {
    return effects.stream().anyMatch(SqlEffect::destructive);
  }
}
