package dev.countersign.policy;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * A human's approve or reject of one change digest.
 *
 * @param reviewer the reviewer's principal id
 * @param verdict approve or reject
 * @param digest the change digest the reviewer saw; a review of another digest never counts
 * @param comment free text
 * @param at when it was given; approvals expire after the configured lifetime
 */
public record Review(String reviewer, Verdict verdict, String digest, String comment, Instant at) {
  public Review {
    requireNonNull(reviewer, "reviewer");
    requireNonNull(verdict, "verdict");
    requireNonNull(digest, "digest");
    requireNonNull(comment, "comment");
    requireNonNull(at, "at");
  }
}
