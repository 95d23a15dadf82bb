package dev.countersign.store;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/** API tokens in the {@code api_tokens} table, stored as the SHA-256 of their plaintext. */
final class JdbcTokens implements Tokens {
  private static final String PREFIX = "cs_";
  private static final int SECRET_BYTES = 32;
  private static final Pattern FORMAT = Pattern.compile("cs_[A-Za-z0-9_-]{43}");

  private final JdbcTx tx;
  private final IdSource ids;
  private final RandomGenerator random;

  JdbcTokens(JdbcTx tx, IdSource ids, RandomGenerator random) {
    this.tx = tx;
    this.ids = ids;
    this.random = random;
  }

  @Override
  public IssuedToken create(String principalId, String label, Instant now) {
    requireNonNull(principalId, "principalId");
    requireNonNull(label, "label");
    requireNonNull(now, "now");
    byte[] secret = new byte[SECRET_BYTES];
    random.nextBytes(secret);
    String plaintext = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    String id = ids.next("tok_");
    Sql.call(
        "create token",
        () ->
            Sql.update(
                tx.writeConnection(),
                "INSERT INTO api_tokens (id, principal_id, label, token_sha256, created_at)"
                    + " VALUES (?, ?, ?, ?, ?)",
                id,
                principalId,
                label,
                HexFormat.of().formatHex(sha256(plaintext)),
                now));
    return new IssuedToken(id, principalId, plaintext);
  }

  @Override
  public Optional<String> authenticate(String token) {
    if (!FORMAT.matcher(token).matches()) {
      return Optional.empty();
    }
    byte[] presented = sha256(token);
    Optional<StoredHash> stored =
        Sql.call(
            "authenticate token",
            () ->
                Sql.one(
                    tx.connection(),
                    "SELECT principal_id, token_sha256 FROM api_tokens"
                        + " WHERE token_sha256 = ? AND revoked_at IS NULL",
                    rs ->
                        new StoredHash(
                            Sql.text(rs, "principal_id"),
                            HexFormat.of().parseHex(Sql.text(rs, "token_sha256"))),
                    HexFormat.of().formatHex(presented)));
    return stored
        .filter(hash -> MessageDigest.isEqual(presented, hash.sha256()))
        .map(StoredHash::principalId);
  }

  @Override
  public boolean revoke(String tokenId, Instant now) {
    requireNonNull(now, "now");
    return Sql.call(
        "revoke token",
        () ->
            Sql.update(
                    tx.writeConnection(),
                    "UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL",
                    now,
                    tokenId)
                > 0);
  }

  @Override
  public List<TokenRecord> listForPrincipal(String principalId) {
    return Sql.call(
        "list tokens",
        () ->
            Sql.list(
                tx.connection(),
                "SELECT id, principal_id, label, created_at, revoked_at FROM api_tokens"
                    + " WHERE principal_id = ? ORDER BY created_at, id",
                JdbcTokens::read,
                principalId));
  }

  private static TokenRecord read(ResultSet rs) throws SQLException {
    return new TokenRecord(
        Sql.text(rs, "id"),
        Sql.text(rs, "principal_id"),
        Sql.text(rs, "label"),
        Sql.instant(rs, "created_at"),
        Sql.optionalInstant(rs, "revoked_at"));
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  /** The stored digest of an active token and whom it authenticates. */
  private record StoredHash(String principalId, byte[] sha256) {}
}
