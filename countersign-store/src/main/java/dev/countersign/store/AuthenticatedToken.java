package dev.countersign.store;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * What a presented, active token stands for.
 *
 * @param tokenId the token's id
 * @param principalId the principal it authenticates as
 * @param scope the target it is scoped to, if any
 */
public record AuthenticatedToken(String tokenId, String principalId, Optional<TokenScope> scope) {
  public AuthenticatedToken {
    requireNonNull(tokenId, "tokenId");
    requireNonNull(principalId, "principalId");
    requireNonNull(scope, "scope");
  }
}
