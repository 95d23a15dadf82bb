package dev.countersign.analyze.terraform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The Terraform plan corpus under {@code src/test/resources/corpus/terraform}. */
final class Corpus {

  static final String INVALID = "hashicorp-terraform-json__invalid__plan.json";

  private Corpus() {}

  static Path dir() {
    try {
      return Path.of(Corpus.class.getResource("/corpus/terraform/EXPECTED.tsv").toURI())
          .getParent();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Every plan file name, sorted. */
  static List<String> files() {
    try (Stream<Path> s = Files.list(dir())) {
      return s.map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".json"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every plan file name except the deliberately malformed one. */
  static List<String> validFiles() {
    return files().stream().filter(f -> !f.equals(INVALID)).toList();
  }

  static byte[] bytes(String file) {
    try {
      return Files.readAllBytes(dir().resolve(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One row of EXPECTED.tsv. */
  record Expected(String file, String[] columns) {
    boolean invalid() {
      return columns[1].equals("-");
    }

    int count(int column) {
      return Integer.parseInt(columns[column]);
    }

    /** "addr(delete)" and "addr(replace:delete,create)" entries of the addresses column. */
    List<String> tagged() {
      List<String> out = new ArrayList<>();
      if (columns.length > 8 && !columns[8].isBlank()) {
        for (String part : columns[8].split(";")) {
          out.add(part.strip());
        }
      }
      return out;
    }

    @Override
    public String toString() {
      return file;
    }
  }

  static List<Expected> expectations() {
    try {
      List<String> lines =
          Files.readAllLines(dir().resolve("EXPECTED.tsv"), StandardCharsets.UTF_8);
      return lines.stream()
          .skip(1)
          .filter(l -> !l.isBlank())
          .map(l -> l.split("\t", -1))
          .map(c -> new Expected(c[0], c))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
