package dev.countersign.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code countersign serve --workdir-rules FILE}: a broken rules file stops the server before it listens. */
class ServeWorkdirRulesTest {
  @TempDir Path dir;

  @Test
  void brokenWorkdirRules_areAnInputError_namingFileAndLine() throws Exception {
    Path rules = dir.resolve("workdirs.txt");
    Files.writeString(rules, "# staging checkouts\n/srv/staging/** env=staging\n");

    CliRun r = CliRun.of("serve", "--port", "0", "--data-dir", dir.resolve("data").toString(), "--org", "../org.yaml",
        "--workdir-rules", rules.toString());

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains(rules + ":2: unknown key 'env'");
  }

  @Test
  void missingWorkdirRulesFile_isAnInputError() {
    CliRun r = CliRun.of("serve", "--port", "0", "--data-dir", dir.resolve("data").toString(), "--org", "../org.yaml",
        "--workdir-rules", dir.resolve("nope.txt").toString());

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("cannot read --workdir-rules");
  }
}
