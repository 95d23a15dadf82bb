package dev.countersign.analyze.shell;

import java.util.List;

/**
 * What a rule may ask about the command it classifies, and how it analyses what that command runs
 * in turn: a script ({@code bash -c}, {@code eval}, {@code ssh}) or another command line ({@code
 * find -exec}, {@code kubectl exec}). Both count one level against the depth bound.
 */
final class Context {

  private final ShellRun run;
  private final String hash;
  private final int depth;
  private final String note;
  private final Stdin stdin;

  Context(ShellRun run, String hash, int depth, String note, Stdin stdin) {
    this.run = run;
    this.hash = hash;
    this.depth = depth;
    this.note = note;
    this.stdin = stdin;
  }

  /** What the command reads on standard input. */
  Stdin stdin() {
    return stdin;
  }

  /**
   * Analyses a script the command runs and emits its actions; {@code note} is added to their
   * reasons, e.g. {@code " on host prod (via ssh)"}. Returns {@link Verdict#NONE}.
   */
  Verdict script(String text, String label, String addedNote) {
    run.nested(text, hash + label, depth + 1, note + addedNote, stdin);
    return Verdict.NONE;
  }

  /** Analyses the here-document text fed to the command as a script ({@code bash <<EOF}). */
  Verdict scriptsFromStdin(String label, String addedNote) {
    for (int i = 0; i < stdin.texts().size(); i++) {
      run.nested(stdin.texts().get(i), hash + label + i, depth + 1, note + addedNote, Stdin.NONE);
    }
    return Verdict.NONE;
  }

  /** The verdict for a command line the command runs directly (no shell), e.g. find -exec's. */
  Verdict invoke(List<Word> words, String addedNote) {
    return run.invoke(words, hash, depth + 1, note, addedNote, stdin);
  }

  /** Whether {@code name} is a shell function defined earlier in the text. */
  boolean isFunction(String name) {
    return run.isFunction(name);
  }
}
