package dev.countersign.model;

import java.util.regex.Pattern;

/**
 * The one rule for the names of environments, services and agents that every entry point accepts
 * (the API, the CLI, token scopes, working-directory rules, a repository's {@code .countersign.yaml}):
 * they travel in URLs, audit events and policy input, so they stay plain.
 */
public final class Names {
  /** The rule in words, for error messages. */
  public static final String RULE = "letters, digits, '.', '_', '-'; at most 64";

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

  private Names() {}

  /** Whether {@code value} is a valid name; {@code null} is not. */
  public static boolean valid(String value) {
    return value != null && NAME.matcher(value).matches();
  }
}
