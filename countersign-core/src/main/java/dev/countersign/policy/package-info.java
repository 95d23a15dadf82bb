/**
 * Policy-as-code: rules in CEL, compiled once, evaluated into decisions with approvals.
 *
 * <p>Owns the rule values ({@link dev.countersign.policy.Rule}, {@link
 * dev.countersign.policy.PolicySet} and its digest), compilation with positions ({@link
 * dev.countersign.policy.PolicyCompiler}), and the decision semantics ({@link
 * dev.countersign.policy.PolicyEngine}): the built-in {@code agent-least-privilege} rule, deny /
 * require / allow / advisory, approvals bound to the change digest with a lifetime, rejects, and
 * distinct approvers across the groups of one rule. Every decision explains itself in words and
 * fails closed on evaluation errors. Time comes in with the {@link
 * dev.countersign.policy.DecisionInput}; nothing here reads a clock.
 *
 * <p>Imports only java.* and CEL; loading policy files from YAML lives in the analyzers module
 * ({@code dev.countersign.config.policy}).
 */
@NullMarked
package dev.countersign.policy;

import org.jspecify.annotations.NullMarked;
