/**
 * Shared JSON plumbing for the analysers: bounded, strictly decoded streaming parsers and small
 * per-value trees in the shape {@link dev.countersign.digest.CanonicalJson} writes.
 *
 * <p>Owns the translation of Jackson's errors into {@link
 * dev.countersign.analyze.AnalysisException}. Depends on Jackson's streaming core only (no
 * databind) and on the core's digest values; must not depend on any format package.
 */
@NullMarked
package dev.countersign.analyze.json;

import org.jspecify.annotations.NullMarked;
