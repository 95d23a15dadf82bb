package dev.countersign.model;

import static java.util.Objects.requireNonNull;

/**
 * Something an analyser wants a reviewer to know, in one sentence.
 *
 * @param severity how much it matters
 * @param code a stable, kebab-case code that policies match on, e.g. {@code recreate-environment}
 * @param message a sentence a reviewer understands
 * @param address the resource it is about, or empty
 */
public record Finding(Severity severity, String code, String message, String address) {

  /** The code of the finding that marks a change as deleting or rebuilding a whole environment. */
  public static final String RECREATE_ENVIRONMENT = "recreate-environment";

  public Finding {
    requireNonNull(severity, "severity");
    requireNonNull(code, "code");
    requireNonNull(message, "message");
    requireNonNull(address, "address");
  }
}
