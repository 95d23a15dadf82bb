package dev.countersign.store;

import static java.util.Objects.requireNonNull;

/**
 * A newly created API token: the only time its plaintext exists. Only its SHA-256 is stored.
 *
 * @param id the token id, used to list and revoke it
 * @param principalId the principal the token authenticates as
 * @param plaintext the secret to hand to the user once: {@code cs_} and 43 base64url characters
 */
public record IssuedToken(String id, String principalId, String plaintext) {
  public IssuedToken {
    requireNonNull(id, "id");
    requireNonNull(principalId, "principalId");
    requireNonNull(plaintext, "plaintext");
  }

  /** Describes the token without its secret, so it is safe to log. */
  @Override
  public String toString() {
    return "IssuedToken[id=" + id + ", principalId=" + principalId + ", plaintext=***]";
  }
}
