/**
 * The service catalog as a graph, and the blast radius of a change over it.
 *
 * <p>Entities follow Backstage's model: a {@link dev.countersign.catalog.EntityRef} {@code
 * kind:namespace/name} (compared case-insensitively, so stored in lower case), relations such as
 * {@code dependsOn}, {@code providesApi}/{@code consumesApi} and {@code subcomponentOf}, and the
 * Countersign annotations in {@link dev.countersign.catalog.CatalogAnnotations}.
 *
 * <p>{@link dev.countersign.catalog.CatalogGraph} is built to scale to a million entities: entities
 * are int ids, the "who is affected when this breaks" edges are compressed sparse row arrays, and
 * a blast radius is a breadth-first search with an int queue and a bit set, without an object per
 * entity on that path. {@link dev.countersign.catalog.BlastRadii} maps a change's declared services
 * and actions onto the graph and turns the reach into the core {@code BlastRadius}.
 *
 * <p>Pure: no I/O, no YAML. Reading catalog files is the analyzers' job ({@code
 * dev.countersign.config.catalog}). Depends only on {@code dev.countersign.model} and the JDK.
 */
@NullMarked
package dev.countersign.catalog;

import org.jspecify.annotations.NullMarked;
