package dev.countersign.analyze;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;

/**
 * Random byte-level damage for totality tests of the JSON and YAML formats: bit flips, overwrites
 * with bytes that matter to the syntax, inserts, deletions, truncation and duplication.
 */
public final class SeededMutations {

  private static final byte[] INTERESTING =
      "{}[]\",:\\0123456789eE.-+ntfu \n\t#&*!|>'%@?<~\u00ff".getBytes(StandardCharsets.ISO_8859_1);

  private SeededMutations() {}

  /** The input with one to eight random mutations. */
  public static byte[] mutate(byte[] input, Random r) {
    byte[] bytes = input.clone();
    int rounds = 1 + r.nextInt(8);
    for (int i = 0; i < rounds && bytes.length > 0; i++) {
      int at = r.nextInt(bytes.length);
      bytes =
          switch (r.nextInt(6)) {
            case 0 -> flip(bytes, at, r);
            case 1 -> overwrite(bytes, at, r);
            case 2 -> insert(bytes, at, r);
            case 3 -> delete(bytes, at, 1 + r.nextInt(Math.min(64, bytes.length - at)));
            case 4 -> Arrays.copyOf(bytes, at);
            default -> duplicate(bytes, at, r);
          };
    }
    return bytes;
  }

  private static byte[] flip(byte[] b, int at, Random r) {
    b[at] ^= (byte) (1 << r.nextInt(8));
    return b;
  }

  private static byte[] overwrite(byte[] b, int at, Random r) {
    b[at] = r.nextBoolean() ? INTERESTING[r.nextInt(INTERESTING.length)] : (byte) r.nextInt(256);
    return b;
  }

  private static byte[] insert(byte[] b, int at, Random r) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(b, 0, at);
    out.write(INTERESTING[r.nextInt(INTERESTING.length)]);
    out.write(b, at, b.length - at);
    return out.toByteArray();
  }

  private static byte[] delete(byte[] b, int at, int length) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(b, 0, at);
    out.write(b, at + length, b.length - at - length);
    return out.toByteArray();
  }

  private static byte[] duplicate(byte[] b, int at, Random r) {
    int length = Math.min(b.length - at, 1 + r.nextInt(256));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(b, 0, at + length);
    out.write(b, at, b.length - at);
    return out.toByteArray();
  }
}
