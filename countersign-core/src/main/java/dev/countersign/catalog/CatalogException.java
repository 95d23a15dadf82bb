package dev.countersign.catalog;

/**
 * A catalog value that cannot be built: a malformed entity reference, or an entity defined twice.
 * The message is written for the person who edits the catalog.
 */
public final class CatalogException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** An error with a message that names the problem. */
  public CatalogException(String message) {
    super(message);
  }
}
