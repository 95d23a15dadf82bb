/**
 * Principals (humans, agents, services), their grants, and the rules that bound what agents may do.
 *
 * <p>{@link dev.countersign.directory.Rights} computes effective rights (an agent's grants ∩ its
 * sponsor's) and the actions they do not cover, failing closed; {@link
 * dev.countersign.directory.OperatorLevel} is the rule that refuses operator-level grants.
 *
 * <p>Pure values and functions, time passed in; no I/O. Loading from org.yaml lives in the analyzers
 * module ({@code dev.countersign.config.org}); must not depend on policy, storage or any format.
 */
@NullMarked
package dev.countersign.directory;

import org.jspecify.annotations.NullMarked;
