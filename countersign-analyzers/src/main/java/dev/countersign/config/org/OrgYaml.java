package dev.countersign.config.org;

import dev.countersign.config.yaml.ConfigException;
import dev.countersign.config.yaml.SafeYaml;
import dev.countersign.directory.Directory;
import java.nio.file.Path;

/**
 * Reads {@code org.yaml} into a {@link Directory}. Every problem is a {@link ConfigException} such
 * as {@code org.yaml:14:9: field 'agents[0].sponsor': sponsor 'bob' is not a known human}.
 */
public final class OrgYaml {
  private OrgYaml() {}

  /** Parses org.yaml text; {@code sourceName} names it in errors. */
  public static Directory parse(String text, String sourceName) {
    return OrgReader.read(SafeYaml.config().parse(text, sourceName));
  }

  /** Parses org.yaml bytes, refusing invalid UTF-8. */
  public static Directory parse(byte[] bytes, String sourceName) {
    return OrgReader.read(SafeYaml.config().parse(bytes, sourceName));
  }

  /** Reads an org.yaml file. */
  public static Directory load(Path path) {
    return OrgReader.read(SafeYaml.config().read(path));
  }
}
