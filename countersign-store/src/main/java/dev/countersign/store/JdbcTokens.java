package dev.countersign.store;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import java.security.MessageDigest;
import java.sql.Connection;
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
    return insert(principalId, label, Optional.empty(), now);
  }

  @Override
  public IssuedToken create(String principalId, String label, TokenScope scope, Instant now) {
    return insert(principalId, label, Optional.of(requireNonNull(scope, "scope")), now);
  }

  private IssuedToken insert(String principalId, String label, Optional<TokenScope> scope, Instant now) {
    requireNonNull(principalId, "principalId");
    requireNonNull(label, "label");
    requireNonNull(now, "now");
    byte[] secret = new byte[SECRET_BYTES];
    random.nextBytes(secret);
    String plaintext = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    String id = ids.next("tok_");
    Sql.call(
        "create token",
        () -> {
          Connection c = tx.writeConnection();
          Sql.update(
              c,
              "INSERT INTO api_tokens (id, principal_id, label, token_sha256, created_at)"
                  + " VALUES (?, ?, ?, ?, ?)",
              id,
              principalId,
              label,
              HexFormat.of().formatHex(sha256(plaintext)),
              now);
          if (scope.isPresent()) {
            insertScope(c, id, scope.get());
          }
          return id;
        });
    return new IssuedToken(id, principalId, plaintext);
  }

  private static void insertScope(Connection c, String tokenId, TokenScope scope) throws SQLException {
    Sql.update(
        c,
        "INSERT INTO api_token_scopes (token_id, environment) VALUES (?, ?)",
        tokenId,
        scope.environment());
    for (int i = 0; i < scope.services().size(); i++) {
      Sql.update(
          c,
          "INSERT INTO api_token_scope_services (token_id, ord, service) VALUES (?, ?, ?)",
          tokenId,
          i,
          scope.services().get(i));
    }
  }

  @Override
  public Optional<AuthenticatedToken> identify(String token) {
    if (!FORMAT.matcher(token).matches()) {
      return Optional.empty();
    }
    byte[] presented = sha256(token);
    return Sql.call(
        "authenticate token",
        () -> {
          // One statement (token, scope and its services, a row per service) because this runs on
          // every request: on PostgreSQL each statement is a round trip.
          List<StoredRow> rows =
              Sql.list(
                  tx.connection(),
                  "SELECT t.id, t.principal_id, t.token_sha256, s.environment, ss.service"
                      + " FROM api_tokens t"
                      + " LEFT JOIN api_token_scopes s ON s.token_id = t.id"
                      + " LEFT JOIN api_token_scope_services ss ON ss.token_id = t.id"
                      + " WHERE t.token_sha256 = ? AND t.revoked_at IS NULL"
                      + " ORDER BY ss.ord",
                  rs ->
                      new StoredRow(
                          Sql.text(rs, "id"),
                          Sql.text(rs, "principal_id"),
                          HexFormat.of().parseHex(Sql.text(rs, "token_sha256")),
                          Optional.ofNullable(rs.getString("environment")),
                          Optional.ofNullable(rs.getString("service"))),
                  HexFormat.of().formatHex(presented));
          if (rows.isEmpty() || !MessageDigest.isEqual(presented, rows.get(0).sha256())) {
            return Optional.<AuthenticatedToken>empty();
          }
          StoredRow first = rows.get(0);
          Optional<TokenScope> scope =
              first
                  .environment()
                  .map(
                      env ->
                          new TokenScope(
                              env, rows.stream().flatMap(r -> r.service().stream()).toList()));
          return Optional.of(new AuthenticatedToken(first.tokenId(), first.principalId(), scope));
        });
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
  public Optional<TokenRecord> get(String tokenId) {
    requireNonNull(tokenId, "tokenId");
    return Sql.call(
        "read token",
        () ->
            Sql.one(
                tx.connection(),
                "SELECT id, principal_id, label, created_at, revoked_at FROM api_tokens WHERE id = ?",
                JdbcTokens::read,
                tokenId));
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

  /**
   * One row of an active token: whom it authenticates, its stored digest, its scope's environment
   * and one of the scope's services (a row per service).
   */
  private record StoredRow(
      String tokenId,
      String principalId,
      byte[] sha256,
      Optional<String> environment,
      Optional<String> service) {}
}
