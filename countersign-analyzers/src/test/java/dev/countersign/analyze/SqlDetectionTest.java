package dev.countersign.analyze;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.model.ChangeKind;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** SQL is detected by its first statement keyword past comments, without taking shell commands. */
class SqlDetectionTest {

  private final Analyzers analyzers = Analyzers.standard();

  private ChangeKind detect(String text) {
    return analyzers.detect(text.getBytes(StandardCharsets.UTF_8));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "DROP TABLE orders;",
        "select * from t",
        "-- migration 12\nALTER TABLE t ADD COLUMN c int;",
        "/* header\n DROP nothing */\ncreate table t (id int);",
        "# mysql dump\nINSERT INTO t VALUES (1);",
        "---- banner ----\nDELETE FROM t WHERE id = 1;",
        "TRUNCATE TABLE logs;",
        "DO $$ BEGIN END $$;",
        "DELIMITER //\nCREATE PROCEDURE p() BEGIN END //",
        "RENAME TABLE a TO b;",
        "WITH x AS (SELECT 1) SELECT * FROM x;"
      })
  void sqlText_isSql(String text) {
    assertThat(detect(text)).isEqualTo(ChangeKind.SQL);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "psql -c \"DROP TABLE orders\"",
        "mysql -e 'DROP DATABASE shop'",
        "truncate -s 0 /var/log/app.log",
        "rename 's/a/b/' *.txt",
        "# cleanup\nrm -rf /tmp/x",
        "echo DROP TABLE x"
      })
  void shellCommands_areNotSql(String text) {
    assertThat(detect(text)).isEqualTo(ChangeKind.SHELL);
  }
}
