/**
 * Policy files: a directory of YAML rules with CEL expressions, the freeze calendar and policy
 * tests, read into the core's {@link dev.countersign.policy.PolicySet} and compiled.
 *
 * <p>Owns the file formats and their validation (unknown and missing fields, enums, duplicate
 * names, every error as {@code FILE:LINE:COL: problem}), the mapping of CEL error columns back into
 * the YAML file, the {@link dev.countersign.config.policy.PolicyHolder} that keeps a working policy
 * when an edit breaks, and the {@code opa test}-like {@link
 * dev.countersign.config.policy.PolicyTestRunner}.
 *
 * <p>Depends on core, {@code dev.countersign.config.yaml} and {@code dev.countersign.config.org};
 * must not depend on storage, HTTP or CLI code. Decision semantics live in core, not here.
 */
@NullMarked
package dev.countersign.config.policy;

import org.jspecify.annotations.NullMarked;
