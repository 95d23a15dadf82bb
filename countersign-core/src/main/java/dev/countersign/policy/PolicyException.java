package dev.countersign.policy;

/** A policy could not be loaded, compiled or evaluated; the message names file, line and column. */
public final class PolicyException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public PolicyException(String message) {
    super(message);
  }

  public PolicyException(String message, Throwable cause) {
    super(message, cause);
  }
}
