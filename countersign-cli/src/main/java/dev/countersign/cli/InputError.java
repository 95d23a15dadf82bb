package dev.countersign.cli;

/** A usage or input problem found by a command itself; exit code 2. */
public final class InputError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** A problem described by {@code message}, which the CLI prints after "countersign: ". */
  public InputError(String message) {
    super(message);
  }
}
