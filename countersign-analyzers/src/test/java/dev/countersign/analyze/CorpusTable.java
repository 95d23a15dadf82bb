package dev.countersign.analyze;

import dev.countersign.model.Analysis;
import dev.countersign.model.Verb;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A corpus folder under {@code src/test/resources/corpus/} and its {@code EXPECTED.tsv}: one row
 * per file with the counts per verb, the flags, the finding codes, the stateful addresses and the
 * actions in order, all derived by reading the files.
 */
public record CorpusTable(Path dir, List<Row> rows) {

  /** Loads {@code corpus/<name>/EXPECTED.tsv}. */
  public static CorpusTable load(String name) {
    try {
      Path table =
          Path.of(CorpusTable.class.getResource("/corpus/" + name + "/EXPECTED.tsv").toURI());
      List<Row> rows =
          Files.readAllLines(table, StandardCharsets.UTF_8).stream()
              .filter(l -> !l.isBlank() && !l.startsWith("#") && !l.startsWith("file\t"))
              .map(l -> new Row(l.split("\t", -1)))
              .toList();
      return new CorpusTable(table.getParent(), rows);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The bytes of a file named relative to the folder. */
  public byte[] bytes(String file) {
    try {
      return Files.readAllBytes(dir.resolve(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every data file of the folder (not the tables and notes), relative to it, sorted. */
  public List<String> dataFiles() {
    try (var s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile)
          .map(p -> dir.relativize(p).toString().replace('\\', '/'))
          .filter(n -> n.endsWith(".json") || n.endsWith(".yaml") || n.endsWith(".yml"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One row of the table. */
  public record Row(String[] columns) {

    public String file() {
      return columns[0];
    }

    public int actions() {
      return Integer.parseInt(columns[1]);
    }

    /** The expected count of a verb among create, update, delete, replace, noop, exec. */
    public int count(Verb verb) {
      int column =
          List.of(Verb.CREATE, Verb.UPDATE, Verb.DELETE, Verb.REPLACE, Verb.NOOP, Verb.EXEC)
              .indexOf(verb);
      return column < 0 ? 0 : Integer.parseInt(columns[2 + column]);
    }

    public boolean destructive() {
      return Boolean.parseBoolean(columns[8]);
    }

    public boolean dataLoss() {
      return Boolean.parseBoolean(columns[9]);
    }

    public boolean recreateEnvironment() {
      return Boolean.parseBoolean(columns[10]);
    }

    public List<String> findings() {
      return list(columns[11], ",");
    }

    public List<String> stateful() {
      return list(columns[12], ",");
    }

    /** "verb address" per action, in order. */
    public List<String> detail() {
      return list(columns[13], "; ");
    }

    @Override
    public String toString() {
      return file();
    }

    private static List<String> list(String cell, String separator) {
      return cell.equals("-") ? List.of() : Arrays.asList(cell.split(separator, -1));
    }
  }

  /** An analysis in the table's terms, to compare with a row. */
  public static List<String> detail(Analysis analysis) {
    return analysis.actions().stream()
        .map(a -> a.verb().wire() + " " + a.address())
        .collect(Collectors.toCollection(ArrayList::new));
  }
}
