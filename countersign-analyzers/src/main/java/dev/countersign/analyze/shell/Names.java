package dev.countersign.analyze.shell;

import java.util.Set;

/** Sets of program, subcommand and option names, written as space-separated words. */
final class Names {

  private Names() {}

  /** The words of {@code spaced}, e.g. {@code of("ls cat head")}. */
  static Set<String> of(String spaced) {
    return Set.of(spaced.strip().split("\\s+"));
  }
}
