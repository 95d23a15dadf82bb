package dev.countersign.analyze.shell;

import dev.countersign.analyze.Analyzer;

/** The entry point of the shell command analyser. */
public final class ShellCommands {

  private static final Analyzer ANALYZER = new ShellAnalyzer();

  private ShellCommands() {}

  /** The analyser for shell command text (bash/sh syntax), as agents send it. */
  public static Analyzer analyzer() {
    return ANALYZER;
  }
}
