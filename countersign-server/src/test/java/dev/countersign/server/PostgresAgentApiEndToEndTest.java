package dev.countersign.server;

import dev.countersign.store.StoreConfig;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Agent management end to end on a real PostgreSQL (embedded), a fresh database per test. */
class PostgresAgentApiEndToEndTest extends AgentApiEndToEndTest {
  private static EmbeddedPostgres postgres;
  private static final AtomicInteger DATABASES = new AtomicInteger();

  @BeforeAll
  static void startPostgres() throws IOException {
    postgres = EmbeddedPostgres.start();
  }

  @AfterAll
  static void stopPostgres() throws IOException {
    postgres.close();
  }

  @Override
  StoreConfig database() throws Exception {
    String name = "agents" + DATABASES.incrementAndGet();
    try (Connection c = postgres.getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    }
    return StoreConfig.postgres(postgres.getJdbcUrl("postgres", name), "postgres", "postgres").withPoolSize(4);
  }
}
