package dev.countersign.analyze.shell;

import dev.countersign.analyze.AnalysisException.Problem;

/**
 * What one analysis may spend: how deep commands may nest ({@code $(...)}, {@code bash -c},
 * wrappers) and how much text may be parsed in all, counting strings that are parsed again because
 * a shell, {@code eval} or {@code ssh} runs them, and how many simple commands it may hold. Keeps
 * every input linear and hang-free.
 */
final class Bounds {

  /** No agent sends more simple commands than this in one text. */
  static final int MAX_COMMANDS = 10_000;

  private final int maxDepth;
  private long charsLeft;
  private int commandsLeft = MAX_COMMANDS;

  /** {@code maxDepth} levels, and at most {@code factor} times the input (plus 64 KiB) parsed. */
  Bounds(int maxDepth, int inputLength, int factor) {
    this.maxDepth = maxDepth;
    this.charsLeft = (long) inputLength * factor + 65_536;
  }

  /** Fails when {@code depth} is past the limit; {@code offset} is where to point. */
  void checkDepth(int depth, int offset) {
    if (depth > maxDepth) {
      throw new ShellSyntaxError(
          Problem.TOO_DEEP,
          "shell commands nest deeper than the limit of "
              + maxDepth
              + " levels ($(...), bash -c, eval, wrappers)",
          offset);
    }
  }

  /** Counts one more simple command, and fails when there are too many. */
  void countCommand(int offset) {
    if (--commandsLeft < 0) {
      throw new ShellSyntaxError(
          Problem.TOO_LARGE,
          "the text holds more than " + MAX_COMMANDS + " simple commands",
          offset);
    }
  }

  /** Counts {@code chars} more parsed text, and fails when the total is past the budget. */
  void spend(int chars, int offset) {
    charsLeft -= chars;
    if (charsLeft < 0) {
      throw new ShellSyntaxError(
          Problem.TOO_LARGE,
          "the command expands into too much nested shell text to analyse",
          offset);
    }
  }
}
