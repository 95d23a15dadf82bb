package dev.countersign.server;

import dev.countersign.store.StoreConfig;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** Agent management end to end on the embedded H2 file database. */
class H2AgentApiEndToEndTest extends AgentApiEndToEndTest {
  @TempDir Path dir;

  @Override
  StoreConfig database() {
    return StoreConfig.h2File(dir);
  }
}
