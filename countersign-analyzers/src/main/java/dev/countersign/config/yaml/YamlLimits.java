package dev.countersign.config.yaml;

/**
 * Bounds on a YAML input, checked while it is read so that hostile input fails fast.
 *
 * @param maxBytes the largest input, in UTF-8 bytes
 * @param maxDepth the deepest nesting of lists and mappings (at most {@value #DEPTH_CEILING})
 * @param maxAliases the most alias uses ({@code *name}) in one input
 * @param maxNodes the most nodes once every alias is expanded, which stops alias bombs ("billion
 *     laughs") that stay under {@code maxAliases}
 */
public record YamlLimits(int maxBytes, int maxDepth, int maxAliases, int maxNodes) {

  /** The hard ceiling on {@code maxDepth}: the composer recurses once per level. */
  public static final int DEPTH_CEILING = 1_000;

  /** Defaults for Countersign's configuration files: 4 MiB, depth 64, 50 aliases, 500k nodes. */
  public static final YamlLimits CONFIG = new YamlLimits(4 * 1024 * 1024, 64, 50, 500_000);

  public YamlLimits {
    if (maxBytes < 1 || maxDepth < 1 || maxAliases < 0 || maxNodes < 1) {
      throw new IllegalArgumentException("YAML limits must be positive");
    }
    if (maxDepth > DEPTH_CEILING) {
      throw new IllegalArgumentException("maxDepth must be at most " + DEPTH_CEILING);
    }
  }

  /** These limits with another maximum size in bytes. */
  public YamlLimits withMaxBytes(int bytes) {
    return new YamlLimits(bytes, maxDepth, maxAliases, maxNodes);
  }

  /** These limits with another maximum nesting depth. */
  public YamlLimits withMaxDepth(int depth) {
    return new YamlLimits(maxBytes, depth, maxAliases, maxNodes);
  }

  /** These limits with another maximum number of aliases. */
  public YamlLimits withMaxAliases(int aliases) {
    return new YamlLimits(maxBytes, maxDepth, aliases, maxNodes);
  }

  /** These limits with another maximum number of expanded nodes. */
  public YamlLimits withMaxNodes(int nodes) {
    return new YamlLimits(maxBytes, maxDepth, maxAliases, nodes);
  }
}
