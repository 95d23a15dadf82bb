package dev.countersign.analyze;

import dev.countersign.analyze.AnalysisException.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;

/**
 * Decodes analyser input to text: UTF-8 (with or without a byte-order mark) or UTF-16 LE/BE with a
 * byte-order mark, strictly, within the size bound.
 *
 * <p>Invalid UTF-8 (including overlong forms and encoded surrogates), unpaired UTF-16 surrogates,
 * UTF-32 and BOM-less UTF-16 are rejected with {@link Problem#INVALID_ENCODING} and the byte
 * offset.
 */
public final class TextDecoding {

  private static final int HEAD = 4;

  private TextDecoding() {}

  /** A reader over the decoded text; the byte-order mark, if any, is not part of the text. */
  public static Reader reader(InputStream in, InputLimits limits) {
    ByteBuffer head = ByteBuffer.allocate(HEAD);
    int read = readHead(in, head);
    limits.checkSize(read);
    head.flip();
    Encoding encoding = sniff(head);
    return new StrictDecodingReader(in, encoding, head, read, limits);
  }

  /** The whole decoded text. */
  public static String decode(InputStream in, InputLimits limits) {
    StringBuilder text = new StringBuilder();
    char[] buffer = new char[8192];
    try (Reader reader = reader(in, limits)) {
      int n;
      while ((n = reader.read(buffer, 0, buffer.length)) >= 0) {
        text.append(buffer, 0, n);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return text.toString();
  }

  private static int readHead(InputStream in, ByteBuffer head) {
    try {
      int total = 0;
      while (head.hasRemaining()) {
        int n = in.read(head.array(), head.position(), head.remaining());
        if (n < 0) {
          break;
        }
        head.position(head.position() + n);
        total += n;
      }
      return total;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Picks the encoding from the first bytes and skips the byte-order mark. */
  private static Encoding sniff(ByteBuffer head) {
    int n = head.remaining();
    int b0 = n > 0 ? head.get(0) & 0xFF : -1;
    int b1 = n > 1 ? head.get(1) & 0xFF : -1;
    int b2 = n > 2 ? head.get(2) & 0xFF : -1;
    int b3 = n > 3 ? head.get(3) & 0xFF : -1;
    if ((b0 == 0xFF && b1 == 0xFE && b2 == 0 && b3 == 0) || (b0 == 0 && b1 == 0 && b2 == 0xFE)) {
      throw AnalysisException.atByte(
          Problem.INVALID_ENCODING, "input is UTF-32, which is not supported; use UTF-8", 0);
    }
    if (b0 == 0xEF && b1 == 0xBB && b2 == 0xBF) {
      head.position(3);
      return Encoding.UTF_8;
    }
    if (b0 == 0xFF && b1 == 0xFE) {
      head.position(2);
      return Encoding.UTF_16LE;
    }
    if (b0 == 0xFE && b1 == 0xFF) {
      head.position(2);
      return Encoding.UTF_16BE;
    }
    if (n >= 2 && (b0 == 0) != (b1 == 0)) {
      throw AnalysisException.atByte(
          Problem.INVALID_ENCODING,
          "input looks like UTF-16 without a byte-order mark; use UTF-8 or add a byte-order mark",
          b0 == 0 ? 0 : 1);
    }
    return Encoding.UTF_8;
  }
}
