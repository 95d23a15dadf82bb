package dev.countersign.analyze.kubernetes;

import dev.countersign.digest.CanonicalJson;
import java.util.List;

/**
 * One document of the input as plain values ({@code Map}, {@code List}, {@code String}, numbers,
 * {@code Boolean}, {@link CanonicalJson#NULL}).
 *
 * @param number the 1-based number of the document in the input
 * @param line the 1-based line it starts on
 * @param value its content; {@link CanonicalJson#NULL} for an empty document
 * @param exactNumbers the text of numbers in it that a double cannot hold, in document order
 */
record Document(int number, long line, Object value, List<String> exactNumbers) {

  Document {
    exactNumbers = List.copyOf(exactNumbers);
  }

  /** Whether the document holds nothing (only comments, or {@code ---} alone). */
  boolean isEmpty() {
    return value == CanonicalJson.NULL;
  }

  /** Where the document is, for error messages. */
  Where where() {
    return new Where("document " + number, line);
  }
}
