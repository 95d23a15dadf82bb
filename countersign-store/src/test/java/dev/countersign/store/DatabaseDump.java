package dev.countersign.store;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Reads every value of every table of the store's schema as text, bypassing the store. */
final class DatabaseDump {
  private DatabaseDump() {}

  /** Every non-null cell of every table in the schema the configuration connects to. */
  static List<String> allValues(StoreConfig config) throws SQLException {
    List<String> values = new ArrayList<>();
    try (Connection c =
        DriverManager.getConnection(config.jdbcUrl(), config.user(), config.password())) {
      for (String table : tables(c)) {
        try (Statement s = c.createStatement();
            ResultSet rs = s.executeQuery("SELECT * FROM " + table)) {
          int columns = rs.getMetaData().getColumnCount();
          while (rs.next()) {
            for (int i = 1; i <= columns; i++) {
              String value = rs.getString(i);
              if (value != null) {
                values.add(value);
              }
            }
          }
        }
      }
    }
    return values;
  }

  /** How many rows a query counts, e.g. in the Flyway history. */
  static long count(StoreConfig config, String sql) throws SQLException {
    try (Connection c =
            DriverManager.getConnection(config.jdbcUrl(), config.user(), config.password());
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static List<String> tables(Connection c) throws SQLException {
    List<String> tables = new ArrayList<>();
    DatabaseMetaData meta = c.getMetaData();
    try (ResultSet rs = meta.getTables(null, c.getSchema(), "%", new String[] {"TABLE"})) {
      while (rs.next()) {
        tables.add("\"" + rs.getString("TABLE_NAME") + "\"");
      }
    }
    if (tables.isEmpty()) {
      throw new IllegalStateException("no tables found in schema " + c.getSchema());
    }
    return tables;
  }
}
