package dev.countersign.analyze;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/** The text encodings analysers accept, told apart by the byte-order mark. */
enum Encoding {
  UTF_8(StandardCharsets.UTF_8, "UTF-8"),
  UTF_16LE(StandardCharsets.UTF_16LE, "UTF-16LE"),
  UTF_16BE(StandardCharsets.UTF_16BE, "UTF-16BE");

  private final Charset charset;
  private final String displayName;

  Encoding(Charset charset, String displayName) {
    this.charset = charset;
    this.displayName = displayName;
  }

  Charset charset() {
    return charset;
  }

  String displayName() {
    return displayName;
  }
}
