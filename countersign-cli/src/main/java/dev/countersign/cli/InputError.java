package dev.countersign.cli;

/** A usage or input problem found by a command itself; exit code 2. */
final class InputError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  InputError(String message) {
    super(message);
  }
}
