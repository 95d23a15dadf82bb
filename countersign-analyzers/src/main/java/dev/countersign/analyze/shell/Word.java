package dev.countersign.analyze.shell;

/**
 * One word of a simple command.
 *
 * @param text the word after quote removal; expansions such as {@code $X} are kept as written
 * @param raw the word as written, quotes included, which is what the content hash covers
 * @param flags {@link #EXPANDS}, {@link #GLOB} and {@link #QUOTED}
 */
record Word(String text, String raw, int flags) {

  /**
   * The word holds a parameter, command or arithmetic expansion: its value is known at run time.
   */
  static final int EXPANDS = 1;

  /** The word holds an unquoted glob or brace pattern, which the shell may expand. */
  static final int GLOB = 2;

  /** Some part of the word is quoted or escaped. */
  static final int QUOTED = 4;

  /** A word written without quotes or expansions, e.g. a wrapper's argument. */
  static Word literal(String text) {
    return new Word(text, text, 0);
  }

  /** Whether the shell turns this word into something other than its text at run time. */
  boolean dynamic() {
    return (flags & (EXPANDS | GLOB)) != 0;
  }

  /** Whether the word holds an expansion such as {@code $X} or {@code $(...)}. */
  boolean expands() {
    return (flags & EXPANDS) != 0;
  }
}
