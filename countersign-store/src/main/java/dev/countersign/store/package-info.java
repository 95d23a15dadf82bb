/**
 * Durable storage for Countersign: principals, API tokens, changes, reviews and the append-only
 * audit journal, over JDBC on H2 (embedded default, one file) or PostgreSQL (several nodes).
 *
 * <p>Start at {@link dev.countersign.store.Store#open(StoreConfig)}; all reads and writes happen in
 * {@link dev.countersign.store.Store#transaction(java.util.function.Function)}, which commits
 * everything its work did or nothing. JSON documents (analyses, decisions, principal definitions,
 * audit payloads) are opaque text here: this package parses no JSON.
 *
 * <p>Depends on {@code countersign-core}, JDBC drivers, HikariCP and Flyway only; never on a web,
 * JSON or CLI library. Time, randomness and ids are injected; nothing here reads a clock.
 */
@NullMarked
package dev.countersign.store;

import org.jspecify.annotations.NullMarked;
