/**
 * Policy-as-code: rules in CEL, compiled once, evaluated into decisions with approvals.
 *
 * <p>Imports only java.* and CEL; loading policy files from YAML lives in the analyzers module.
 */
@NullMarked
package dev.countersign.policy;

import org.jspecify.annotations.NullMarked;
