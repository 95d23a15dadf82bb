package dev.countersign.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** API tokens: only their SHA-256 is stored, so a copy of the database reveals no usable token. */
public interface Tokens {

  /**
   * Creates a token for the principal and returns its plaintext, which cannot be recovered later.
   * The principal need not be stored yet (it may live in {@code org.yaml}).
   */
  IssuedToken create(String principalId, String label, Instant now);

  /**
   * Creates a token scoped to a target (see {@link TokenScope}) and returns its plaintext, which
   * cannot be recovered later.
   */
  IssuedToken create(String principalId, String label, TokenScope scope, Instant now);

  /** The principal a presented token authenticates as; empty if unknown, malformed or revoked. */
  default Optional<String> authenticate(String token) {
    return identify(token).map(AuthenticatedToken::principalId);
  }

  /** What a presented token stands for (principal and scope); empty if unknown, malformed or revoked. */
  Optional<AuthenticatedToken> identify(String token);

  /** Revokes the token; returns whether it was active until now. */
  boolean revoke(String tokenId, Instant now);

  /** The token with this id, active or revoked; empty if there is none. */
  Optional<TokenRecord> get(String tokenId);

  /** The principal's tokens, active and revoked, oldest first. */
  List<TokenRecord> listForPrincipal(String principalId);
}
