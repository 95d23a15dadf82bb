/**
 * A first shell-command analyser: splits a command line into simple commands and classifies each
 * into an action.
 *
 * <p>Owns: a hand-written tokenizer ({@code ShellParser}) that splits on {@code ;}, {@code &&},
 * {@code ||}, {@code |}, {@code &}, newlines and parentheses, honouring single and double quotes,
 * backslash escapes and comments; it keeps {@code $(...)}/backtick substitutions and here-documents
 * so that what they run is analysed too, as are {@code bash -c}, {@code eval} and {@code ssh host
 * CMD}. Assignments ({@code FOO=1}), shell keywords, common wrappers ({@code sudo}, {@code env},
 * {@code nohup}, {@code timeout}, {@code xargs}, ...) and program directories ({@code /usr/bin/rm})
 * are stripped before classification. Rules flag {@code rm -r}, {@code find -delete}, {@code
 * terraform}/{@code tofu destroy}, {@code apply -destroy}, {@code apply -replace}, {@code kubectl
 * delete}, destructive SQL through {@code psql}/{@code mysql}, force pushes and more; known readers
 * are {@code read}; everything else is {@code exec}, never dropped.
 *
 * <p>A hand-written tokenizer rather than tree-sitter-bash: no native library, a few microseconds
 * per command, and every construct it does not model (see below) degrades to {@code exec} or to a
 * finding, not to silence. <b>Issue 3 replaces this with a hardened analyser</b>: wrappers beyond
 * the list above ({@code docker exec}, {@code kubectl exec}, {@code find -exec sh -c}), subshell
 * and brace-group scoping, functions and aliases, variable and glob expansion (an {@code rm -rf
 * $DIR} is judged on the literal {@code $DIR}), {@code case} patterns, arithmetic, and pipes into a
 * shell ({@code curl ... | sh}, flagged only as {@code shell-reads-stdin}).
 *
 * <p>Depends on the core model and digest, {@code dev.countersign.analyze} and, for Terraform
 * addresses and resource lists, {@code dev.countersign.analyze.terraform}; no third-party library.
 */
@NullMarked
package dev.countersign.analyze.shell;

import org.jspecify.annotations.NullMarked;
