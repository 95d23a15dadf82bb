/**
 * Terraform and OpenTofu plans ({@code terraform show -json}, {@code tofu show -json}, every format
 * version, and the HCP Terraform redacted format) turned into actions.
 *
 * <p>Owns: the mapping of {@code resource_changes} entries to actions (one each, never dropped),
 * the curated lists of stateful resource types ({@link
 * dev.countersign.analyze.terraform.StatefulResources}) and environment-level containers ({@link
 * dev.countersign.analyze.terraform.EnvironmentContainers}), and the plan's findings. Plans are
 * streamed; only one resource change is held as a tree at a time.
 *
 * <p>A plan's timestamp, tool version, prior state and configuration never influence the result.
 * The service of an action comes from the resource's {@code countersign.dev/service} tag or label
 * (see {@code ServiceTags}) until a catalog mapping exists.
 *
 * <p>Depends on the core model and digest, Jackson's streaming core and {@code
 * dev.countersign.analyze} (and its {@code json} helpers); must not depend on other format
 * packages, the store, the server or the CLI.
 */
@NullMarked
package dev.countersign.analyze.terraform;

import org.jspecify.annotations.NullMarked;
