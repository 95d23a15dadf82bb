package dev.countersign.config.catalog;

import static java.util.Objects.requireNonNull;

import dev.countersign.config.yaml.Origin;

/**
 * Something a catalog lacks that does not stop it from being used, such as a reference to an
 * entity it does not hold.
 *
 * @param origin where the catalog says it
 * @param message what is wrong, in words
 */
public record CatalogWarning(Origin origin, String message) {
  public CatalogWarning {
    requireNonNull(origin, "origin");
    requireNonNull(message, "message");
  }

  /** {@code FILE:LINE:COL: message}. */
  @Override
  public String toString() {
    return origin.position() + ": " + message;
  }
}
