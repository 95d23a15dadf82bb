/**
 * Durable storage for Countersign: principals, API tokens, changes, reviews and the append-only
 * audit journal, over JDBC on H2 (embedded default, one file) or PostgreSQL (several nodes).
 *
 * <p>Start at {@link dev.countersign.store.Store#open(StoreConfig)}; all reads and writes happen in
 * {@link dev.countersign.store.Store#transaction(java.util.function.Function)}, which commits
 * everything its work did or nothing. JSON documents (analyses, decisions, principal definitions,
 * audit payloads) are opaque text here: this package parses no JSON.
 *
 * <p>Concurrency. Transactions run at READ COMMITTED. Work that reads, decides and writes takes
 * {@link dev.countersign.store.Changes#getForUpdate(String)} first, so concurrent reviewers (on any
 * node) apply one after the other; audit entries are appended last, because appending holds the
 * journal's lock until commit. On H2, writing transactions of one process also pass a process-wide
 * gate, one at a time, because H2 2.5.252 loses updates when several transactions wait on one row
 * lock; readers never wait for it. On PostgreSQL the database's row locks do the work.
 *
 * <p>Durability. An H2 commit is written to the file before it returns, so it survives {@code kill
 * -9} of the process; H2 does not fsync, so a power cut can lose the last commits. PostgreSQL gives
 * whatever its {@code fsync}/{@code synchronous_commit} settings promise.
 *
 * <p>Depends on {@code countersign-core}, JDBC drivers, HikariCP and Flyway only; never on a web,
 * JSON or CLI library. Time, randomness and ids are injected; nothing here reads a clock.
 */
@NullMarked
package dev.countersign.store;

import org.jspecify.annotations.NullMarked;
