package dev.countersign.server.agent;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** File addresses are relative to the agent's working directory and lexically normalized. */
class FilePathsTest {
  @ParameterizedTest(name = "{0} in {1} -> {2}")
  @CsvSource({
    "/home/dev/shop/a/b.txt, /home/dev/shop, a/b.txt",
    "/home/dev/shop/a/../b.txt, /home/dev/shop/, b.txt",
    "/home/dev/shop, /home/dev/shop, .",
    "/etc/passwd, /home/dev/shop, /etc/passwd",
    "/home/dev/shopping/x, /home/dev/shop, /home/dev/shopping/x",
    "./prod-env, /home/dev/shop, prod-env",
    "../../x, '', ../../x",
  })
  void address(String path, String cwd, String expected) {
    assertThat(FilePaths.address(cwd, path)).isEqualTo(expected);
  }
}
