package dev.countersign.config.org;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.config.yaml.ConfigException;
import dev.countersign.directory.Directory;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Loader totality: any byte-wise mutation of a valid org.yaml gives a Directory or a
 * ConfigException, never another exception. Set {@code -Dfuzz.seed=N} to replay a failure.
 */
class OrgYamlFuzzTest {
  private static final int RUNS = 3_000;
  private static final byte[] SPECIAL =
      ":-[]{},&*!|>'\"#%@`?~\n\t \0\u00ff".getBytes(StandardCharsets.ISO_8859_1);

  @Test
  void anyMutationOfAValidOrg_givesADirectoryOrAConfigException() {
    long seed = Long.getLong("fuzz.seed", System.nanoTime());
    System.out.println("OrgYamlFuzzTest seed=" + seed + " (replay with -Dfuzz.seed=" + seed + ")");
    SplittableRandom random = new SplittableRandom(seed);
    byte[] valid = OrgYamlTest.DESIGN_EXAMPLE.getBytes(StandardCharsets.UTF_8);
    int loaded = 0;
    for (int run = 0; run < RUNS; run++) {
      byte[] input = mutate(valid, random);
      try {
        Directory d = OrgYaml.parse(input, "fuzz.yaml");
        assertThat(d.all()).isNotNull();
        loaded++;
      } catch (ConfigException expected) {
        assertThat(expected.getMessage()).startsWith("fuzz.yaml");
      } catch (RuntimeException | Error e) {
        throw new AssertionError(
            "seed="
                + seed
                + " run="
                + run
                + " input(hex)="
                + HexFormat.of().formatHex(input)
                + "\n"
                + new String(input, StandardCharsets.UTF_8),
            e);
      }
    }
    System.out.println("OrgYamlFuzzTest loaded " + loaded + " of " + RUNS + " mutants");
  }

  private static byte[] mutate(byte[] valid, SplittableRandom random) {
    byte[] b = Arrays.copyOf(valid, valid.length);
    int edits = 1 + random.nextInt(4);
    for (int i = 0; i < edits && b.length > 0; i++) {
      int at = random.nextInt(b.length);
      switch (random.nextInt(5)) {
        case 0 -> b[at] = (byte) random.nextInt(256);
        case 1 -> b[at] = SPECIAL[random.nextInt(SPECIAL.length)];
        case 2 -> b = delete(b, at, 1 + random.nextInt(8));
        case 3 -> b = insert(b, at, SPECIAL[random.nextInt(SPECIAL.length)]);
        default -> b = duplicateLine(b, at, random.nextInt(b.length));
      }
    }
    return b;
  }

  private static byte[] delete(byte[] b, int at, int count) {
    int end = Math.min(b.length, at + count);
    byte[] out = new byte[b.length - (end - at)];
    System.arraycopy(b, 0, out, 0, at);
    System.arraycopy(b, end, out, at, b.length - end);
    return out;
  }

  private static byte[] insert(byte[] b, int at, byte value) {
    byte[] out = new byte[b.length + 1];
    System.arraycopy(b, 0, out, 0, at);
    out[at] = value;
    System.arraycopy(b, at, out, at + 1, b.length - at);
    return out;
  }

  /** Copies the line holding {@code from} to the start of the line holding {@code to}. */
  private static byte[] duplicateLine(byte[] b, int from, int to) {
    int start = lineStart(b, from);
    int end = from;
    while (end < b.length && b[end] != '\n') {
      end++;
    }
    end = Math.min(b.length, end + 1);
    int target = lineStart(b, to);
    byte[] out = new byte[b.length + (end - start)];
    System.arraycopy(b, 0, out, 0, target);
    System.arraycopy(b, start, out, target, end - start);
    System.arraycopy(b, target, out, target + (end - start), b.length - target);
    return out;
  }

  private static int lineStart(byte[] b, int at) {
    int i = at;
    while (i > 0 && b[i - 1] != '\n') {
      i--;
    }
    return i;
  }
}
