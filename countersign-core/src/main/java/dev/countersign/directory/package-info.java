/**
 * Principals (humans, agents, services), their grants, and the rules that bound what agents may do.
 *
 * <p>Pure values and functions; loading from org.yaml lives in the analyzers module.
 */
@NullMarked
package dev.countersign.directory;

import org.jspecify.annotations.NullMarked;
