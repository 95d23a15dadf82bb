package dev.countersign.analyze.shell;

import java.util.Set;

/** The shell's reserved words that may stand before a command, and those that only close one. */
final class Keywords {

  private static final Set<String> KEYWORDS =
      Names.of("if then else elif fi do done while until ! { } esac coproc");

  private Keywords() {}

  /** Whether {@code word}, unquoted at the start of a command, is a reserved word to skip. */
  static boolean isKeyword(String word) {
    return KEYWORDS.contains(word);
  }
}
