package dev.countersign.store;

import java.util.List;

/** The reviewers' verdicts, seen from one transaction. */
public interface Reviews {

  /**
   * Stores a review and returns it as stored; an empty id is replaced by a fresh {@code rv_} id.
   * Lock the change first with {@link Changes#getForUpdate(String)} when the review's effect
   * depends on earlier reviews. Fails with {@link StoreException.Reason#INVALID} if the change does
   * not exist.
   */
  ReviewRecord insert(ReviewRecord review);

  /** The change's reviews in the order they were stored. */
  List<ReviewRecord> listForChange(String changeId);
}
