/**
 * The {@code countersign} command line: parses arguments, wires the core, analysers, store and
 * server together, and maps errors to exit codes (0 ok, 1 no, 2 input error).
 *
 * <p>The only place besides tests where the system clock and randomness are picked.
 */
@NullMarked
package dev.countersign.cli;

import org.jspecify.annotations.NullMarked;
