package dev.countersign.analyze.shell;

import java.util.List;

/**
 * What a command reads on standard input, as far as the text shows.
 *
 * @param kind where it comes from
 * @param texts the text, when it is in the command line (here-documents, {@code echo ... |})
 * @param source the file or program it comes from otherwise, for messages
 */
record Stdin(Kind kind, List<String> texts, String source) {

  /** Where standard input comes from. */
  enum Kind {
    /** Nothing visible: the terminal, or whatever the caller connected. */
    NONE,
    /** Text written in the command itself. */
    TEXT,
    /** The output of a program before a pipe, which Countersign cannot see. */
    PIPE,
    /** A file ({@code < file}), which Countersign cannot see. */
    FILE
  }

  static final Stdin NONE = new Stdin(Kind.NONE, List.of(), "");

  Stdin {
    texts = List.copyOf(texts);
  }

  static Stdin text(List<String> texts) {
    return new Stdin(Kind.TEXT, texts, "");
  }

  /** Where the input comes from, in words: "a pipe from curl", "the file x.sql". */
  String describe() {
    return switch (kind) {
      case NONE -> "standard input";
      case TEXT -> "the here-document";
      case PIPE -> "the output of " + source;
      case FILE -> "the file " + source;
    };
  }
}
