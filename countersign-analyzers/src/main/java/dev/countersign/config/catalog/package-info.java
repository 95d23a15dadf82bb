/**
 * Backstage catalog import: {@code catalog-info.yaml} files, multi-document YAML files and folders
 * of them, read into the core's {@link dev.countersign.catalog.CatalogGraph}.
 *
 * <p>Reads the kinds Component, Resource, API, System, Domain, Group and User, the relations that
 * matter for blast radius ({@code spec.owner}, {@code system}, {@code domain}, {@code
 * subdomainOf}, {@code subcomponentOf}, {@code providesApis}, {@code consumesApis}, {@code
 * dependsOn}, {@code dependencyOf}) and the Countersign annotations of {@link
 * dev.countersign.catalog.CatalogAnnotations}. {@code Location} entities are followed only to files
 * inside the catalog's folder (the folder given, or the folder of the file given); URLs, globs and
 * paths that leave the folder (also through symbolic links) are reported and never read.
 *
 * <p>A malformed entity is a {@link dev.countersign.config.yaml.ConfigException} at its file, line
 * and column. What a catalog may legitimately lack is a {@link
 * dev.countersign.config.catalog.CatalogWarning}: references to entities that are not in it
 * (owners excepted: teams usually live in the org directory), documents that are not Backstage
 * entities, kinds not modelled, Location targets not followed.
 *
 * <p>Depends on core and {@code dev.countersign.config.yaml}; must not depend on storage, HTTP or
 * CLI code. Impact semantics live in core.
 */
@NullMarked
package dev.countersign.config.catalog;

import org.jspecify.annotations.NullMarked;
