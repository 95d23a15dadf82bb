package dev.countersign.server.hook;

/** A hook request Countersign cannot read; the hook answers deny with this message. */
public final class HookPayloadException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public HookPayloadException(String message) {
    super(message);
  }
}
