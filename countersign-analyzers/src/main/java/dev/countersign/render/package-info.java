/**
 * The wire shapes of core values, shared by the CLI's JSON output and the HTTP API.
 *
 * <p>Depends on the core only; JSON writing itself is the caller's (Jackson at the edges).
 */
@NullMarked
package dev.countersign.render;

import org.jspecify.annotations.NullMarked;
