package dev.countersign.config.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.config.yaml.ConfigException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Import totality: any mutation of the corpus files gives a catalog or a ConfigException, never
 * another exception. Replay a failure with {@code -Dfuzz.seed=N}.
 */
class BackstageCatalogFuzzTest {
  private static final int RUNS = 3_000;
  private static final int FOLDER_RUNS = 150;
  private static final byte[] SPECIAL =
      ":-[]{},&*!|>'\"#%@`?~/\n\t \0\u00ff".getBytes(StandardCharsets.ISO_8859_1);
  private static final List<String> WORDS =
      List.of("dependsOn", "kind: Location", "target: ../x.yaml", "providesApis", "owner", "countersign.dev/tier", "'1'",
          "resource:", "api:a/b", "--- ", "*a", "&a ", "namespace: X");

  @TempDir Path tmp;

  private static List<Path> corpusFiles() throws IOException {
    try (Stream<Path> files = Files.walk(BackstageCorpusTest.CORPUS)) {
      return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
  }

  @Test
  void anyMutationOfACorpusFile_givesACatalogOrAConfigException() throws IOException {
    long seed = Long.getLong("fuzz.seed", System.nanoTime());
    System.out.println("BackstageCatalogFuzzTest seed=" + seed + " (replay with -Dfuzz.seed=" + seed + ")");
    SplittableRandom random = new SplittableRandom(seed);
    List<byte[]> valid = new ArrayList<>();
    for (Path p : corpusFiles()) {
      valid.add(Files.readAllBytes(p));
    }
    int loaded = 0;
    for (int run = 0; run < RUNS; run++) {
      byte[] input = mutate(valid.get(random.nextInt(valid.size())), random);
      try {
        LoadedCatalog c = BackstageCatalog.parse(input, "fuzz.yaml");
        assertThat(c.graph().size()).isEqualTo(c.entities().size());
        loaded++;
      } catch (ConfigException expected) {
        assertThat(expected.getMessage()).startsWith("fuzz.yaml");
      } catch (RuntimeException | Error e) {
        throw new AssertionError(
            "seed=" + seed + " run=" + run + " input(hex)=" + HexFormat.of().formatHex(input) + "\n"
                + new String(input, StandardCharsets.UTF_8), e);
      }
    }
    System.out.println("BackstageCatalogFuzzTest loaded " + loaded + " of " + RUNS + " mutants");
  }

  @Test
  void anyMutationInsideACatalogFolder_givesACatalogOrAConfigException() throws IOException {
    long seed = Long.getLong("fuzz.seed", System.nanoTime());
    System.out.println("BackstageCatalogFuzzTest folder seed=" + seed + " (replay with -Dfuzz.seed=" + seed + ")");
    SplittableRandom random = new SplittableRandom(seed);
    List<Path> files = corpusFiles();
    for (int run = 0; run < FOLDER_RUNS; run++) {
      Path folder = tmp.resolve("run" + run);
      for (Path p : files) {
        Path copy = folder.resolve(BackstageCorpusTest.CORPUS.relativize(p).toString());
        Files.createDirectories(copy.getParent());
        byte[] bytes = Files.readAllBytes(p);
        Files.write(copy, random.nextInt(4) == 0 ? mutate(bytes, random) : bytes);
      }
      try {
        BackstageCatalog.load(folder);
      } catch (ConfigException expected) {
        assertThat(expected.getMessage()).startsWith(folder.toString());
      } catch (RuntimeException | Error e) {
        throw new AssertionError("seed=" + seed + " run=" + run, e);
      }
    }
  }

  static byte[] mutate(byte[] valid, SplittableRandom random) {
    byte[] b = Arrays.copyOf(valid, valid.length);
    int edits = 1 + random.nextInt(4);
    for (int i = 0; i < edits && b.length > 0; i++) {
      int at = random.nextInt(b.length);
      switch (random.nextInt(6)) {
        case 0 -> b[at] = (byte) random.nextInt(256);
        case 1 -> b[at] = SPECIAL[random.nextInt(SPECIAL.length)];
        case 2 -> b = splice(b, at, random.nextInt(1, 8), new byte[0]);
        case 3 -> b = splice(b, at, 0, WORDS.get(random.nextInt(WORDS.size())).getBytes(StandardCharsets.UTF_8));
        case 4 -> b = splice(b, at, 0, Arrays.copyOfRange(b, random.nextInt(b.length), b.length));
        default -> b = splice(b, at, 0, new byte[] {' ', ' '});
      }
    }
    return b;
  }

  private static byte[] splice(byte[] b, int at, int remove, byte[] insert) {
    int cut = Math.min(remove, b.length - at);
    byte[] out = new byte[b.length - cut + insert.length];
    System.arraycopy(b, 0, out, 0, at);
    System.arraycopy(insert, 0, out, at, insert.length);
    System.arraycopy(b, at + cut, out, at + insert.length, b.length - at - cut);
    return out;
  }
}
