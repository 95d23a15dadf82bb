/**
 * The HTTP API and the use cases behind it: thin adapters around the decision core and the store.
 *
 * <p>Owns request parsing, authentication and rendering; decisions are the core's, storage the
 * store's. Must not hold state of its own between requests: several nodes share one database.
 */
@NullMarked
package dev.countersign.server;

import org.jspecify.annotations.NullMarked;
