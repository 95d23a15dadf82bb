package dev.countersign.store;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * One entry of the append-only audit journal.
 *
 * @param seq its position: 1 for the first entry, then every integer in commit order, no gaps
 * @param type the event type, e.g. {@code change.proposed}
 * @param actor the principal id that caused it
 * @param subject what it is about, e.g. a change id
 * @param payloadJson the event's details, JSON text the store does not parse
 * @param at when it happened (stored to microseconds)
 */
public record AuditRecord(
    long seq, String type, String actor, String subject, String payloadJson, Instant at) {
  public AuditRecord {
    if (seq < 1) {
      throw new IllegalArgumentException("seq starts at 1, was " + seq);
    }
    requireNonNull(type, "type");
    requireNonNull(actor, "actor");
    requireNonNull(subject, "subject");
    requireNonNull(payloadJson, "payloadJson");
    requireNonNull(at, "at");
  }
}
