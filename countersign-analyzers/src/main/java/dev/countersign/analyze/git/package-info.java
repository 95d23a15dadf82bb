/**
 * Git commit ranges ({@code A..B}, {@code A...B}) turned into actions on files and AI provenance
 * per commit.
 *
 * <p>Owns: running the real {@code git} binary safely ({@code GitProcess}: no shell, arguments as a
 * list, ranges checked against a strict revision pattern and passed after {@code --end-of-options},
 * a cleaned environment, no pager, no external diff or textconv, a time and an output bound);
 * reading commits, notes under {@code refs/notes/ai} and the diff from the merge base; and telling
 * AI-assisted commits from their trailers, markers, authors and notes ({@code Provenance}, after
 * {@code AGENT-PROTOCOLS.md} §8).
 *
 * <p>The entry point is {@link dev.countersign.analyze.git.GitRangeAnalyzer}: a repository path and
 * a range in, an {@link dev.countersign.model.Analysis} (or a {@link
 * dev.countersign.analyze.git.GitRange}) out. For the API, which has bytes and no repository,
 * {@link dev.countersign.analyze.git.PatchSeriesAnalyzer} reads the output of {@code git
 * format-patch --stdout A..B} into the same analysis; {@code Analyzers} lists it. Depends on the core
 * model and digest and {@code dev.countersign.analyze}; must not depend on other format packages,
 * the store, the server or the CLI.
 */
@NullMarked
package dev.countersign.analyze.git;

import org.jspecify.annotations.NullMarked;
