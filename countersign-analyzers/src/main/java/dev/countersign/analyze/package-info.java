/**
 * The analysers' contract: {@link dev.countersign.analyze.Analyzer} (bytes of one format in, {@link
 * dev.countersign.model.Analysis} out), the registry and kind detection ({@link
 * dev.countersign.analyze.Analyzers}), input bounds ({@link dev.countersign.analyze.InputLimits}),
 * the one error type ({@link dev.countersign.analyze.AnalysisException}) and strict text decoding
 * (UTF-8, UTF-8 with BOM, UTF-16 LE/BE with BOM) shared by every format.
 *
 * <p>Analysers are pure: no clock, no randomness, no I/O besides reading their input. They accept
 * the tools' outputs as the tools write them (unknown fields in a plan are fine); it is
 * Countersign's own request formats that reject unknown fields.
 *
 * <p>Depends on the core model only; the format packages depend on this one, and only {@code
 * Analyzers} names them. Must not depend on the store, the server or the CLI.
 */
@NullMarked
package dev.countersign.analyze;

import org.jspecify.annotations.NullMarked;
