package dev.countersign.store;

import static java.util.Objects.requireNonNull;

import dev.countersign.policy.Verdict;
import java.time.Instant;

/**
 * A reviewer's verdict on one digest of a change, as stored.
 *
 * @param id the review id ({@code rv_…}), or empty before it is inserted
 * @param changeId the change reviewed; it must exist
 * @param reviewer the reviewer's principal id
 * @param verdict approve or reject
 * @param digest the change digest the reviewer saw
 * @param comment free text, possibly empty
 * @param at when it was given (stored to microseconds)
 */
public record ReviewRecord(
    String id,
    String changeId,
    String reviewer,
    Verdict verdict,
    String digest,
    String comment,
    Instant at) {
  public ReviewRecord {
    requireNonNull(id, "id");
    requireNonNull(changeId, "changeId");
    requireNonNull(reviewer, "reviewer");
    requireNonNull(verdict, "verdict");
    requireNonNull(digest, "digest");
    requireNonNull(comment, "comment");
    requireNonNull(at, "at");
  }

  /** This record with another id (used when the store assigns one). */
  public ReviewRecord withId(String newId) {
    return new ReviewRecord(newId, changeId, reviewer, verdict, digest, comment, at);
  }
}
