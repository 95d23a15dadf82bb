package dev.countersign.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The store suite against PostgreSQL: an embedded server started once for this class, or the server
 * at {@code COUNTERSIGN_TEST_PG_URL} (with {@code COUNTERSIGN_TEST_PG_USER} and {@code
 * COUNTERSIGN_TEST_PG_PASSWORD}) when set. Each test gets its own schema.
 */
class PostgresStoreTest extends StoreContract {
  private static final AtomicInteger SCHEMAS = new AtomicInteger();
  private static final List<String> CREATED = new CopyOnWriteArrayList<>();
  private static @Nullable EmbeddedPostgres embedded;
  private static String url = "";
  private static String user = "";
  private static String password = "";

  @BeforeAll
  static void startPostgres() throws Exception {
    String external = System.getenv("COUNTERSIGN_TEST_PG_URL");
    if (external != null && !external.isBlank()) {
      url = external;
      user = Objects.requireNonNullElse(System.getenv("COUNTERSIGN_TEST_PG_USER"), "postgres");
      password = Objects.requireNonNullElse(System.getenv("COUNTERSIGN_TEST_PG_PASSWORD"), "");
      return;
    }
    long start = System.nanoTime();
    EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
    embedded = pg;
    url = pg.getJdbcUrl("postgres", "postgres");
    user = "postgres";
    System.out.printf(
        "embedded PostgreSQL started in %d ms%n", (System.nanoTime() - start) / 1_000_000);
  }

  @AfterAll
  static void stopPostgres() throws Exception {
    EmbeddedPostgres pg = embedded;
    if (pg != null) {
      pg.close();
      embedded = null;
      return;
    }
    try (Connection c = DriverManager.getConnection(url, user, password);
        Statement s = c.createStatement()) {
      for (String schema : CREATED) {
        s.execute("DROP SCHEMA " + schema + " CASCADE");
      }
    }
  }

  @Test
  void connections_waitAtMostTenSecondsForALock() throws Exception {
    Store store = open(newDatabase());

    String timeout =
        store.transaction(
            tx -> {
              try (Statement s = ((JdbcTx) tx).connection().createStatement();
                  ResultSet rs = s.executeQuery("SHOW lock_timeout")) {
                rs.next();
                return rs.getString(1);
              } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
              }
            });

    assertThat(timeout).isEqualTo("10s");
  }

  @Override
  protected StoreConfig newDatabase() throws Exception {
    String schema = "cs_test_" + ProcessHandle.current().pid() + "_" + SCHEMAS.incrementAndGet();
    try (Connection c = DriverManager.getConnection(url, user, password);
        Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA " + schema);
    }
    CREATED.add(schema);
    String separator = url.contains("?") ? "&" : "?";
    return StoreConfig.postgres(url + separator + "currentSchema=" + schema, user, password)
        .withPoolSize(8);
  }
}
