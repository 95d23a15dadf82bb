package dev.countersign.server;

import dev.countersign.store.StoreConfig;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The API end to end on the embedded H2 file database. */
class H2ApiEndToEndTest extends ApiEndToEndTest {
  @TempDir Path dir;

  @Override
  StoreConfig database() {
    return StoreConfig.h2File(dir);
  }
}
