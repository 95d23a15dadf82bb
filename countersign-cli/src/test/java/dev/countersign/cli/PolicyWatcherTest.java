package dev.countersign.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyWatcherTest {
  @TempDir Path dir;

  @Test
  void editMadeWhileThePolicyLoaded_isReloaded_notTakenAsTheBaseline() throws Exception {
    Path rule = dir.resolve("01-rule.yaml");
    Files.writeString(rule, "rules: []\n");
    String beforeLoading = PolicyWatcher.stamp(dir);
    Files.writeString(rule, "rules: []\n# edited while the server started\n"); // between load and watch

    CountDownLatch reloaded = new CountDownLatch(1);
    PolicyWatcher.start(dir, beforeLoading, reloaded::countDown);

    assertThat(reloaded.await(30, TimeUnit.SECONDS)).as("reloaded within a few polls").isTrue();
  }

  @Test
  void stamp_changesWhenAFileIsAdded() throws Exception {
    Path rule = dir.resolve("01-rule.yaml");
    Files.writeString(rule, "a");
    String first = PolicyWatcher.stamp(dir);
    Files.writeString(dir.resolve("02-more.yaml"), "b");

    assertThat(PolicyWatcher.stamp(dir)).isNotEqualTo(first);
  }
}
