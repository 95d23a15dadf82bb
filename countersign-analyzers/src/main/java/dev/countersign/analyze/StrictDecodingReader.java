package dev.countersign.analyze;

import dev.countersign.analyze.AnalysisException.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;

/**
 * A reader that decodes strictly (malformed input is an error, never a replacement character),
 * enforces the size bound while reading, and names the byte offset of the first bad byte.
 */
final class StrictDecodingReader extends Reader {

  private static final int BUFFER = 64 * 1024;

  private final InputStream in;
  private final CharsetDecoder decoder;
  private final String encoding;
  private final InputLimits limits;
  private final ByteBuffer bytes;
  private final CharBuffer spill = CharBuffer.allocate(2);
  private long base;
  private long totalRead;
  private boolean eof;
  private boolean flushed;

  /** Takes over {@code bytes} (in read mode), which already holds the first bytes of the input. */
  StrictDecodingReader(
      InputStream in, Encoding encoding, ByteBuffer head, long headRead, InputLimits limits) {
    this.in = in;
    this.encoding = encoding.displayName();
    this.decoder =
        encoding
            .charset()
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    this.limits = limits;
    this.base = head.position();
    this.bytes = ByteBuffer.allocate(Math.max(BUFFER, head.capacity()));
    this.bytes.put(head).flip();
    this.totalRead = headRead;
    this.spill.flip();
  }

  @Override
  public int read(char[] target, int off, int len) {
    if (len == 0) {
      return 0;
    }
    if (spill.hasRemaining()) {
      target[off] = spill.get();
      return 1;
    }
    if (len == 1) {
      spill.clear();
      int n = decodeInto(spill);
      spill.flip();
      if (n <= 0) {
        return n;
      }
      target[off] = spill.get();
      return 1;
    }
    return decodeInto(CharBuffer.wrap(target, off, len));
  }

  private int decodeInto(CharBuffer out) {
    int start = out.position();
    while (true) {
      CoderResult result = decoder.decode(bytes, out, eof);
      if (result.isError()) {
        throw AnalysisException.atByte(
            Problem.INVALID_ENCODING,
            "input is not valid " + encoding + ": a malformed or truncated character",
            base + bytes.position());
      }
      if (out.position() > start) {
        return out.position() - start;
      }
      if (eof) {
        if (!flushed) {
          flushed = true;
          decoder.flush(out);
          if (out.position() > start) {
            return out.position() - start;
          }
        }
        return -1;
      }
      fill();
    }
  }

  private void fill() {
    base += bytes.position();
    bytes.compact();
    try {
      int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
      if (n < 0) {
        eof = true;
      } else {
        totalRead += n;
        limits.checkSize(totalRead);
        bytes.position(bytes.position() + n);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      bytes.flip();
    }
  }

  @Override
  public void close() {
    // The caller owns the stream.
  }
}
