/**
 * SQL migrations (PostgreSQL and MySQL) turned into actions, statement by statement, each with the
 * line it starts on.
 *
 * <p>Owns: splitting SQL into statements as the database's client does ({@code Splitter}: comments,
 * strings, quoted identifiers, dollar-quoted bodies, {@code DELIMITER}, MySQL's executable
 * comments, psql meta-commands and {@code COPY … FROM stdin} data); parsing each statement with
 * JSqlParser, bounded in size and nesting, with a keyword reading of the masked text (comments and
 * literals blanked) for what it cannot parse; the mapping of statement kinds to actions and
 * findings; and the procedural reading of {@code DO} blocks (which run now, so their statements are
 * actions) and of created routines and triggers (which run later, so their destructive statements
 * are {@code deferred-destructive} warnings, not actions).
 *
 * <p>Verbs: DROP, TRUNCATE and DELETE (with or without WHERE) delete; rows, tables, columns,
 * schemas, databases, partitions and sequences are stateful; dropping a database or schema is
 * recreate-environment. UPDATE, renames and column type changes are updates with findings ({@code
 * update-without-where}, {@code breaking-rename}, {@code column-type-change}). What cannot be seen
 * into (CALL, dynamic SQL, {@code \i}, unknown statements) is exec with an {@code opaque} finding.
 *
 * <p>{@link dev.countersign.analyze.sql.SqlAnalysis} is the entry point, also for the shell
 * analyser ({@code psql -c}, {@code mysql -e}). Depends on the core model and digest, JSqlParser
 * and {@code dev.countersign.analyze}; must not depend on other format packages, the store, the
 * server or the CLI.
 */
@NullMarked
package dev.countersign.analyze.sql;

import org.jspecify.annotations.NullMarked;
