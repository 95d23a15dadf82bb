package dev.countersign.config.yaml;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Strict UTF-8 decoding with errors that say where the bad bytes are. */
final class Utf8 {
  private Utf8() {}

  /** Decodes {@code bytes}, dropping a UTF-8 byte order mark; refuses UTF-16/32 and bad bytes. */
  static String decode(byte[] bytes, String source) {
    int start = 0;
    if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
      start = 3;
    } else if (startsWith(bytes, 0xFE, 0xFF) || startsWith(bytes, 0xFF, 0xFE)) {
      throw ConfigException.about(
          source, "the file starts with a UTF-16 or UTF-32 byte order mark; save it as UTF-8");
    }
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult result = decoder.decode(in, out, true);
    if (result.isError()) {
      throw invalid(bytes, in.position(), source);
    }
    decoder.flush(out);
    return out.flip().toString();
  }

  /** The number of bytes {@code text} takes in UTF-8, counting at most past {@code cap}. */
  static long length(String text, long cap) {
    long bytes = 0;
    for (int i = 0; i < text.length() && bytes <= cap; i++) {
      char c = text.charAt(i);
      bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isSurrogate(c) ? 2 : 3;
    }
    return bytes;
  }

  private static ConfigException invalid(byte[] bytes, int offset, String source) {
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < offset; i++) {
      if (bytes[i] == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    String before = new String(bytes, lineStart, offset - lineStart, StandardCharsets.UTF_8);
    int column = before.codePointCount(0, before.length()) + 1;
    String problem =
        String.format(
            "not valid UTF-8: byte 0x%02X at offset %d cannot start or continue a character"
                + " (save the file as UTF-8)",
            bytes[offset] & 0xFF, offset);
    return new ConfigException(new Origin(source, line, column, ""), problem);
  }

  private static boolean startsWith(byte[] bytes, int... prefix) {
    if (bytes.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((bytes[i] & 0xFF) != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}
