package dev.countersign.store;

import java.util.List;
import java.util.Optional;

/** The stored principals, seen from one transaction. */
public interface Principals {

  /** Inserts the principal, or replaces the stored one with the same id. */
  void upsert(PrincipalRecord principal);

  /** The principal with this id, if stored. */
  Optional<PrincipalRecord> get(String id);

  /** Every stored principal, ordered by id. */
  List<PrincipalRecord> list();

  /**
   * Removes the principal; returns whether it existed. Its tokens are not revoked: revoke them with
   * {@link Tokens#revoke(String, java.time.Instant)}.
   */
  boolean delete(String id);
}
