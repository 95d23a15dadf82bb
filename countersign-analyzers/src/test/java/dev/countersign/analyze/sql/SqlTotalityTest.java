package dev.countersign.analyze.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.countersign.analyze.AnalysisException;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Any text gives an analysis or an AnalysisException, in both dialects, never another exception and
 * never a hang: mutated corpus files and random SQL-ish token soup (seeded; rerun with
 * -Dcountersign.seed=N).
 */
class SqlTotalityTest {

  private static final int ROUNDS = 250;
  private static final long SLOWEST_ALLOWED_MS = 20_000;
  private static final String[] PIECES = {
    "'",
    "\"",
    "`",
    "$$",
    "$a$",
    "(",
    ")",
    "[",
    "]",
    ";",
    "--",
    "/*",
    "*/",
    "/*!",
    "#",
    "\n",
    " ",
    "\\",
    "E'",
    "\\.",
    "::",
    ",",
    ".",
    "DROP",
    "TABLE",
    "DELETE",
    "FROM",
    "WHERE",
    "BEGIN",
    "END",
    "CASE",
    "DO",
    "CREATE",
    "FUNCTION",
    "PROCEDURE",
    "TRIGGER",
    "FOR EACH ROW",
    "DELIMITER",
    "//",
    "COPY",
    "STDIN",
    "ALTER",
    "COLUMN",
    "TYPE",
    "RENAME",
    "TO",
    "ATOMIC",
    "IF",
    "THEN",
    "LOOP",
    "WITH",
    "AS",
    "SELECT",
    "INTO",
    "x",
    "1",
    "\u00e9",
    "\uD83D\uDE00",
    "\u0000"
  };

  @Test
  void anyText_givesAnAnalysisOrAnAnalysisException() {
    long seed = Long.getLong("countersign.seed", System.nanoTime());
    System.out.println("SqlTotalityTest seed=" + seed);
    Random random = new Random(seed);
    List<String> corpus = SqlCorpus.files().stream().map(SqlCorpus::read).toList();
    long slowest = 0;
    for (int i = 0; i < ROUNDS; i++) {
      String text =
          random.nextBoolean()
              ? mutate(corpus.get(random.nextInt(corpus.size())), random)
              : soup(random);
      for (SqlDialect dialect : SqlDialect.values()) {
        long start = System.nanoTime();
        try {
          SqlAnalysis.analyze(text, dialect);
        } catch (AnalysisException expected) {
          // a typed error is a fine answer
        } catch (RuntimeException | StackOverflowError e) {
          fail(
              "seed=" + seed + " round=" + i + " " + dialect + " input=<" + head(text) + ">: " + e,
              e);
        }
        slowest = Math.max(slowest, (System.nanoTime() - start) / 1_000_000);
      }
    }
    assertThat(slowest).as("slowest input in ms, seed=" + seed).isLessThan(SLOWEST_ALLOWED_MS);
  }

  private static String mutate(String text, Random r) {
    StringBuilder b = new StringBuilder(text);
    int rounds = 1 + r.nextInt(8);
    for (int m = 0; m < rounds && b.length() > 0; m++) {
      int at = r.nextInt(b.length());
      switch (r.nextInt(4)) {
        case 0 -> b.insert(at, PIECES[r.nextInt(PIECES.length)]);
        case 1 -> b.delete(at, Math.min(b.length(), at + r.nextInt(40)));
        case 2 -> b.setLength(at);
        default -> b.setCharAt(at, (char) r.nextInt(128));
      }
    }
    return b.toString();
  }

  private static String soup(Random r) {
    StringBuilder b = new StringBuilder();
    int n = r.nextInt(300);
    for (int k = 0; k < n; k++) {
      b.append(PIECES[r.nextInt(PIECES.length)]);
      if (r.nextInt(3) == 0) {
        b.append(' ');
      }
    }
    return b.toString();
  }

  private static String head(String text) {
    return text.length() > 400 ? text.substring(0, 400) + "…" : text;
  }
}
