/**
 * Safe, bounded YAML for Countersign's own configuration files (org.yaml, policies, later format
 * loaders): a small node tree that remembers where every node came from, strict readers for
 * mappings, and one typed error, {@link dev.countersign.config.yaml.ConfigException}, whose message
 * names file, line, column and field.
 *
 * <p>Owns: decoding (strict UTF-8), the limits (size, nesting depth, aliases, expanded nodes), the
 * refusal of tags and duplicate keys, and turning snakeyaml-engine events into {@link
 * dev.countersign.config.yaml.YamlNode}s. The composer is ours rather than snakeyaml's so that
 * every limit is checked while events stream in, before anything large is built.
 *
 * <p>Must not depend on: any Countersign format or domain package (it knows nothing of org.yaml or
 * policies), Jackson, or snakeyaml's object construction ({@code Load}); only the event parser.
 */
@NullMarked
package dev.countersign.config.yaml;

import org.jspecify.annotations.NullMarked;
