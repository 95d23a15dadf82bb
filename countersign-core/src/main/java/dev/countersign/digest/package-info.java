/**
 * Canonical JSON (RFC 8785) and the semantic change digest that approvals bind to.
 *
 * <p>Pure functions over core values; no JSON library.
 */
@NullMarked
package dev.countersign.digest;

import org.jspecify.annotations.NullMarked;
