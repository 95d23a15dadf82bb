package dev.countersign.analyze.shell;

import dev.countersign.digest.Digests;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

/**
 * The content hash of a simple command: SHA-256 over its words as written (quotes kept),
 * redirections, here-document text, position and the operator before it, chained to the enclosing
 * command's hash. So reordering commands, changing {@code &&} to {@code ||}, adding {@code sudo} or
 * an environment assignment all change the digest, while whitespace and comments do not. Each field
 * is written with a tag and its length, so no two different commands hash the same input.
 */
final class CommandHash {

  private static final HexFormat HEX = HexFormat.of();

  private static final MessageDigest PROTOTYPE = Digests.newSha256();

  private final MessageDigest sha256 = fresh();
  private final byte[] lengthBytes = new byte[5];

  /** A SHA-256 digest; cloning a prototype skips the provider lookup of getInstance. */
  private static MessageDigest fresh() {
    try {
      return (MessageDigest) PROTOTYPE.clone();
    } catch (CloneNotSupportedException e) {
      return Digests.newSha256();
    }
  }

  /** The hash of {@code cmd}, the {@code index}th command of the script run by {@code context}. */
  String of(SimpleCommand cmd, String context, int index) {
    field('c', context);
    field('i', Integer.toString(index));
    String separator = cmd.separator();
    field('s', separator.equals("\n") || separator.equals(";;") ? ";" : separator);
    for (Word w : cmd.words()) {
      field('w', w.raw());
    }
    for (SimpleCommand.Redirect r : cmd.redirects()) {
      field('r', r.operator());
      field('t', r.target());
    }
    all('h', cmd.stdin());
    if (cmd.definesFunction()) {
      field('f', "");
    }
    return HEX.formatHex(sha256.digest());
  }

  private void all(char tag, List<String> values) {
    for (String v : values) {
      field(tag, v);
    }
  }

  private void field(char tag, String value) {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    int n = bytes.length;
    lengthBytes[0] = (byte) tag;
    lengthBytes[1] = (byte) (n >>> 24);
    lengthBytes[2] = (byte) (n >>> 16);
    lengthBytes[3] = (byte) (n >>> 8);
    lengthBytes[4] = (byte) n;
    sha256.update(lengthBytes);
    sha256.update(bytes);
  }
}
