package dev.countersign.server.agent;

/**
 * A tool call whose input Countersign cannot use (a missing or mistyped field, a patch it cannot
 * read); the hook denies it with this message.
 */
public final class ToolCallException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ToolCallException(String message) {
    super(message);
  }
}
