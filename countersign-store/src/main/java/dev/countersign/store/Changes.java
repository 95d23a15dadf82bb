package dev.countersign.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The stored changes, seen from one transaction. */
public interface Changes {

  /**
   * Stores a new change and returns it as stored; an empty id is replaced by a fresh {@code ch_}
   * id. Fails with {@link StoreException.Reason#DUPLICATE} if the id is taken.
   */
  ChangeRecord insert(ChangeRecord change);

  /** The change with this id, if stored. */
  Optional<ChangeRecord> get(String id);

  /**
   * The change with this id, locked until the transaction ends: another transaction asking for the
   * same lock waits, so two nodes reviewing one change apply their reviews one after the other.
   */
  Optional<ChangeRecord> getForUpdate(String id);

  /**
   * Records a new decision: state, digest and decision JSON. Fails with {@link
   * StoreException.Reason#NOT_FOUND} if the change does not exist.
   */
  void updateDecision(String id, String state, String digest, String decisionJson, Instant now);

  /**
   * Replaces everything but the id and creation time with the given record's values (e.g. after a
   * re-plan). Fails with {@link StoreException.Reason#NOT_FOUND} if the change does not exist.
   */
  void update(ChangeRecord change);

  /** Up to {@code limit} changes in this state, oldest first. */
  List<ChangeRecord> listByState(String state, int limit);
}
