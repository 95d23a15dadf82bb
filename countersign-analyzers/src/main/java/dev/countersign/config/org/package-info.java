/**
 * The {@code org.yaml} directory file (DESIGN §4): humans, agents and service identities with their
 * grants, read into a core {@link dev.countersign.directory.Directory}.
 *
 * <p>Owns the file format and its validation: unknown fields, levels, duplicate ids, sponsors that
 * must be known humans, verbs, required expiries, and the refusal of operator-level grants to
 * agents and services ({@link dev.countersign.directory.OperatorLevel}). A human's own grants only
 * bound that human, so they are not refused as operator-level. An expired grant is loaded and kept;
 * it simply gives no rights ({@link dev.countersign.directory.Rights}).
 *
 * <p>Depends on {@code dev.countersign.config.yaml} and core only; must not depend on policy,
 * storage, HTTP or CLI code.
 */
@NullMarked
package dev.countersign.config.org;

import org.jspecify.annotations.NullMarked;
