package dev.countersign.analyze.shell;

import dev.countersign.analyze.Analyzer;

/** The entry point of the shell command analyser. */
public final class ShellCommands {

  /**
   * The code of the finding on a command Countersign cannot see into: a program computed at run
   * time ({@code $CMD}, {@code eval "$X"}), a script file, input from a pipe, an unknown program.
   * Its action is {@code exec}; policies should treat it as needing a human in production.
   */
  public static final String OPAQUE = "opaque";

  private static final Analyzer ANALYZER = new ShellAnalyzer();

  private ShellCommands() {}

  /** The analyser for shell command text (bash/sh syntax), as agents send it. */
  public static Analyzer analyzer() {
    return ANALYZER;
  }
}
