package dev.countersign.store;

import static java.util.Objects.requireNonNull;

import dev.countersign.policy.Verdict;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;

/** Reviews in the {@code reviews} table, ordered by an identity column that records insertion. */
final class JdbcReviews implements Reviews {
  private final JdbcTx tx;
  private final IdSource ids;

  JdbcReviews(JdbcTx tx, IdSource ids) {
    this.tx = tx;
    this.ids = ids;
  }

  @Override
  public ReviewRecord insert(ReviewRecord review) {
    requireNonNull(review, "review");
    ReviewRecord stored = review.id().isEmpty() ? review.withId(ids.next("rv_")) : review;
    Sql.call(
        "insert review",
        () ->
            Sql.update(
                tx.writeConnection(),
                "INSERT INTO reviews (id, change_id, reviewer, verdict, digest, comment_text,"
                    + " reviewed_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                stored.id(),
                stored.changeId(),
                stored.reviewer(),
                stored.verdict().wire(),
                stored.digest(),
                stored.comment(),
                stored.at()));
    return stored;
  }

  @Override
  public List<ReviewRecord> listForChange(String changeId) {
    return Sql.call(
        "list reviews",
        () ->
            Sql.list(
                tx.connection(),
                "SELECT id, change_id, reviewer, verdict, digest, comment_text, reviewed_at FROM"
                    + " reviews WHERE change_id = ? ORDER BY ord",
                JdbcReviews::read,
                changeId));
  }

  private static ReviewRecord read(ResultSet rs) throws SQLException {
    Verdict verdict = Verdict.valueOf(Sql.text(rs, "verdict").toUpperCase(Locale.ROOT));
    return new ReviewRecord(
        Sql.text(rs, "id"),
        Sql.text(rs, "change_id"),
        Sql.text(rs, "reviewer"),
        verdict,
        Sql.text(rs, "digest"),
        Sql.text(rs, "comment_text"),
        Sql.instant(rs, "reviewed_at"));
  }
}
