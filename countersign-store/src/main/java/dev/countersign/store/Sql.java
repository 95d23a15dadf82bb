package dev.countersign.store;

import dev.countersign.store.StoreException.Reason;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Small JDBC helpers: binding, querying, time conversion and turning errors into reasons. */
final class Sql {
  /** H2 vendor codes: database in use, connection broken, database closed, closing at shutdown. */
  private static final Set<Integer> H2_UNAVAILABLE = Set.of(90020, 90067, 90098, 90121);

  private Sql() {}

  /** Work against JDBC that may throw. */
  @FunctionalInterface
  interface Body<T> {
    T run() throws SQLException;
  }

  /** Reads one row into a value. */
  @FunctionalInterface
  interface Row<T> {
    T read(ResultSet rs) throws SQLException;
  }

  /**
   * Runs {@code body}, turning a JDBC failure into a {@link StoreException} naming {@code
   * operation}.
   */
  static <T> T call(String operation, Body<T> body) {
    try {
      return body.run();
    } catch (SQLException e) {
      throw failure(operation, e);
    }
  }

  /** Executes an INSERT, UPDATE or DELETE and returns the number of rows it touched. */
  static int update(Connection c, String sql, Object... args) throws SQLException {
    try (PreparedStatement ps = prepare(c, sql, args)) {
      return ps.executeUpdate();
    }
  }

  /** Runs a query and reads every row. */
  static <T> List<T> list(Connection c, String sql, Row<T> row, Object... args)
      throws SQLException {
    try (PreparedStatement ps = prepare(c, sql, args);
        ResultSet rs = ps.executeQuery()) {
      List<T> out = new ArrayList<>();
      while (rs.next()) {
        out.add(row.read(rs));
      }
      return out;
    }
  }

  /** Runs a query expected to return at most one row. */
  static <T> Optional<T> one(Connection c, String sql, Row<T> row, Object... args)
      throws SQLException {
    try (PreparedStatement ps = prepare(c, sql, args);
        ResultSet rs = ps.executeQuery()) {
      return rs.next() ? Optional.of(row.read(rs)) : Optional.empty();
    }
  }

  private static PreparedStatement prepare(Connection c, String sql, Object... args)
      throws SQLException {
    PreparedStatement ps = c.prepareStatement(sql);
    try {
      bind(ps, args);
      return ps;
    } catch (SQLException | RuntimeException e) {
      ps.close();
      throw e;
    }
  }

  /** Sets the parameters of {@code ps} from {@code args}, the way every statement here does. */
  static void bind(PreparedStatement ps, Object... args) throws SQLException {
    for (int i = 0; i < args.length; i++) {
        Object arg = args[i];
        if (arg instanceof Instant at) {
          ps.setObject(i + 1, OffsetDateTime.ofInstant(micros(at), ZoneOffset.UTC));
        } else if (arg instanceof String text) {
          if (text.indexOf('\0') >= 0) {
            // PostgreSQL text cannot hold U+0000; refuse it everywhere so both databases agree.
            throw new SQLException("text contains U+0000", "22021");
          }
          ps.setString(i + 1, text);
        } else {
          ps.setObject(i + 1, arg);
        }
      }
  }

  /** The instant as both databases store it: truncated to microseconds. */
  static Instant micros(Instant at) {
    return at.truncatedTo(ChronoUnit.MICROS);
  }

  /** Reads a non-null timestamp column. */
  static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    if (value == null) {
      throw new SQLException("unexpected null in " + column, "22004");
    }
    return value.toInstant();
  }

  /** Reads a nullable timestamp column. */
  static Optional<Instant> optionalInstant(ResultSet rs, String column) throws SQLException {
    return Optional.ofNullable(rs.getObject(column, OffsetDateTime.class))
        .map(OffsetDateTime::toInstant);
  }

  /** Reads a non-null text column. */
  static String text(ResultSet rs, String column) throws SQLException {
    String value = rs.getString(column);
    if (value == null) {
      throw new SQLException("unexpected null in " + column, "22004");
    }
    return value;
  }

  /** A store exception for a failed operation, with a short reason and no SQL in its message. */
  static StoreException failure(String operation, SQLException e) {
    Reason reason = reason(e);
    return new StoreException(reason, operation + ": " + describe(reason), e);
  }

  private static Reason reason(SQLException e) {
    if (e instanceof SQLTransientConnectionException) {
      return Reason.UNAVAILABLE;
    }
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    if (state.equals("23505")) {
      return Reason.DUPLICATE;
    }
    if (state.startsWith("23") || state.startsWith("22")) {
      return Reason.INVALID;
    }
    if (state.startsWith("40")) {
      return Reason.CONCURRENT;
    }
    if (state.startsWith("08")
        || state.equals("HYT00")
        || state.equals("55P03")
        || state.equals("57014")
        || state.equals("57P01")
        || H2_UNAVAILABLE.contains(e.getErrorCode())) {
      return Reason.UNAVAILABLE;
    }
    return Reason.FAILED;
  }

  private static String describe(Reason reason) {
    return switch (reason) {
      case NOT_FOUND -> "not found";
      case DUPLICATE -> "already exists";
      case CONCURRENT -> "conflicted with a concurrent transaction";
      case INVALID -> "a value is invalid, too long or refers to a missing row";
      case UNAVAILABLE -> "the database is unavailable or a lock was not granted in time";
      case FAILED -> "database error";
    };
  }
}
