/**
 * JMH benchmarks of the hot paths (decisions first). Not part of the product; depends on anything.
 */
@NullMarked
package dev.countersign.bench;

import org.jspecify.annotations.NullMarked;
