package dev.countersign.config.yaml;

/**
 * A node of a parsed YAML document that knows where it came from. Aliases resolve to the anchored
 * node itself, so a node reached through an alias reports the anchor's position.
 */
public sealed interface YamlNode permits YamlScalar, YamlSequence, YamlMapping {

  /** Where this node is in its source. */
  Origin origin();

  /** The node kind in words, for error messages: "a mapping", "a list" or "a scalar". */
  String describe();

  /** A {@link ConfigException} positioned at this node. */
  default ConfigException error(String problem) {
    return new ConfigException(origin(), problem);
  }

  /** This node as a mapping, or an error naming what it is instead. */
  default YamlMapping asMapping() {
    if (this instanceof YamlMapping m) {
      return m;
    }
    throw error("expected a mapping (key: value), got " + describe());
  }

  /** This node as a list, or an error naming what it is instead. */
  default YamlSequence asSequence() {
    if (this instanceof YamlSequence s) {
      return s;
    }
    throw error("expected a list, got " + describe());
  }

  /** This node as a scalar, or an error naming what it is instead. */
  default YamlScalar asScalar() {
    if (this instanceof YamlScalar s) {
      return s;
    }
    throw error("expected a single value, got " + describe());
  }
}
