/**
 * The values every part of Countersign speaks: actions, analyses, findings, changes.
 *
 * <p>Plain records and enums; no I/O, no framework. Analysers produce these, the policy engine reads
 * them, the store persists them.
 */
@NullMarked
package dev.countersign.model;

import org.jspecify.annotations.NullMarked;
