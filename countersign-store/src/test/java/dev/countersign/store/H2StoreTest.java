package dev.countersign.store;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.io.TempDir;

/** The store suite against embedded H2 files in a temporary directory. */
class H2StoreTest extends StoreContract {
  @TempDir Path dir;
  private final AtomicInteger databases = new AtomicInteger();

  @Override
  protected StoreConfig newDatabase() {
    return StoreConfig.h2File(dir.resolve("db" + databases.incrementAndGet()));
  }
}
