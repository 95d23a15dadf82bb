package dev.countersign.analyze.sql;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** The SQL corpus in test resources and its DESTRUCTIVE.tsv, read once. */
final class SqlCorpus {

  private SqlCorpus() {}

  static Path dir() {
    try {
      return Path.of(SqlCorpus.class.getResource("/corpus/sql/DESTRUCTIVE.tsv").toURI())
          .getParent();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The SQL files of the corpus, by name. */
  static List<String> files() {
    try (var s = Files.list(dir())) {
      return s.map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".sql"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String read(String file) {
    try {
      return Files.readString(dir().resolve(file), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** For each file, its expected {@code line<TAB>statement_kind} entries (empty for NONE). */
  static Map<String, Set<String>> expected() {
    Map<String, Set<String>> out = new TreeMap<>();
    List<String> lines;
    try {
      lines = Files.readAllLines(dir().resolve("DESTRUCTIVE.tsv"), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (String line : lines.subList(1, lines.size())) {
      if (line.isBlank()) {
        continue;
      }
      String[] f = line.split("\t");
      Set<String> entries = out.computeIfAbsent(f[0], k -> new TreeSet<>());
      if (!f[1].equals("-")) {
        entries.add(f[1] + "\t" + f[2]);
      }
    }
    return out;
  }

  /** What the analyser reports as destructive, as {@code line<TAB>kind} entries. */
  static Set<String> reported(List<SqlStatement> statements) {
    Set<String> out = new TreeSet<>();
    for (SqlStatement s : statements) {
      for (SqlEffect e : s.effects()) {
        if (e.destructive()) {
          out.add(e.line() + "\t" + e.kind());
        }
      }
    }
    return out;
  }
}
