package dev.countersign.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class StoreConfigTest {

  @Test
  void h2File_sharesTheFileAndWritesEveryCommit() {
    StoreConfig config = StoreConfig.h2File(Path.of("/var/lib/countersign"));

    assertThat(config.jdbcUrl())
        .isEqualTo(
            "jdbc:h2:file:/var/lib/countersign/countersign"
                + ";AUTO_SERVER=TRUE;WRITE_DELAY=0;LOCK_TIMEOUT=10000;OPTIMIZE_REUSE_RESULTS=FALSE");
    assertThat(config.isH2()).isTrue();
  }

  @Test
  void toString_hidesPasswords() {
    StoreConfig config =
        StoreConfig.postgres("jdbc:postgresql://db/cs?user=cs&password=hunter2", "cs", "s3cret");

    assertThat(config.toString()).doesNotContain("hunter2").doesNotContain("s3cret");
  }

  @Test
  void unsupportedUrlsAndEmptyPools_areRefused() {
    assertThatThrownBy(() -> new StoreConfig("jdbc:mysql://x/y", "u", "p", 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> StoreConfig.h2File(Path.of("/tmp")).withPoolSize(0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> StoreConfig.h2File(Path.of("/tmp/a;INIT=RUNSCRIPT")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void randomIds_areUlidShapedWithTheirPrefix() {
    IdSource ids = IdSource.random(Fixtures.seededRandom(7));

    assertThat(ids.next("ch_")).matches("ch_[0-9A-HJKMNP-TV-Z]{26}");
    assertThat(ids.next("rv_")).isNotEqualTo(ids.next("rv_"));
  }

  @Test
  void unreachableDatabase_failsAsUnavailable() {
    StoreConfig nowhere =
        new StoreConfig("jdbc:postgresql://127.0.0.1:1/none?connectTimeout=1", "u", "p", 1);

    assertThatThrownBy(() -> Store.open(nowhere))
        .isInstanceOfSatisfying(
            StoreException.class,
            e -> assertThat(e.reason()).isEqualTo(StoreException.Reason.UNAVAILABLE));
  }
}
