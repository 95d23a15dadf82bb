package dev.countersign.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An H2 database made by an earlier release is brought up to date with its data intact. */
class SchemaUpgradeTest {
  @TempDir Path dir;

  @Test
  void schema3Database_keepsItsAuditEntries_whenPayloadsMoveIntoTheRow() throws Exception {
    StoreConfig config = StoreConfig.h2File(dir);
    String payload = "{\"reason\":\"" + "r".repeat(5_000) + "\"}"; // long enough to have been a LOB
    Instant at = Instant.parse("2026-11-01T10:00:00Z");
    Flyway.configure()
        .dataSource(config.jdbcUrl(), config.user(), config.password())
        .locations("classpath:db/migration")
        .placeholders(Map.of("clob", "CHARACTER LARGE OBJECT", "audit_text", "CHARACTER VARYING(1000000)"))
        .target("3")
        .load()
        .migrate();
    try (Connection c = DriverManager.getConnection(config.jdbcUrl(), config.user(), config.password())) {
      try (PreparedStatement ps = c.prepareStatement(
          "INSERT INTO audit_entries (seq, event_type, actor, subject, payload_json, recorded_at) VALUES (1, 'change.proposed', 'mia', 'ch_1', ?, ?)")) {
        ps.setString(1, payload);
        ps.setObject(2, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
        ps.executeUpdate();
      }
      try (PreparedStatement ps = c.prepareStatement("UPDATE audit_head SET last_seq = 1")) {
        ps.executeUpdate();
      }
      c.commit();
    }

    try (Store store = Store.open(config)) {
      List<AuditRecord> log = store.transaction((Tx tx) -> tx.audit().range(1, 10));
      assertThat(log).containsExactly(new AuditRecord(1, "change.proposed", "mia", "ch_1", payload, at));
      assertThat(store.transaction((Tx tx) -> tx.audit().append("next", "mia", "s", "{}", at))).isEqualTo(2);
    }
    try (Connection c = DriverManager.getConnection(config.jdbcUrl(), config.user(), config.password());
        ResultSet rs = c.createStatement().executeQuery(
            "SELECT DATA_TYPE FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_NAME = 'AUDIT_ENTRIES' AND COLUMN_NAME = 'PAYLOAD_JSON'")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo("CHARACTER VARYING");
    }
  }
}
