package dev.countersign.config.catalog;

import dev.countersign.config.yaml.ConfigException;
import dev.countersign.config.yaml.SafeYaml;
import dev.countersign.config.yaml.YamlNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a Backstage catalog: one file (single or multi-document YAML), or a folder with every
 * {@code *.yaml} and {@code *.yml} file under it (hidden folders and symbolic links skipped).
 * {@code Location} targets are followed only inside the catalog's folder.
 *
 * <p>{@code BackstageCatalog.load(Path.of("catalog"))}.
 */
public final class BackstageCatalog {
  /** The most files one catalog may read. */
  public static final int MAX_FILES = 10_000;
  /** The most bytes one catalog may read, over all its files. */
  public static final long MAX_TOTAL_BYTES = 256L * 1024 * 1024;

  private final SafeYaml yaml = SafeYaml.config();
  private final CatalogCollector out = new CatalogCollector();
  private final Path root;
  private final Path shownRoot;
  private final Set<Path> seen = new HashSet<>();
  private final Deque<Path> queue = new ArrayDeque<>();
  private long bytes;

  private BackstageCatalog(Path root, Path shownRoot) {
    this.root = root;
    this.shownRoot = shownRoot;
  }

  /** Reads the catalog at a file or folder; a malformed entity is a {@link ConfigException}. */
  public static LoadedCatalog load(Path path) {
    String shown = path.toString();
    try {
      if (Files.isDirectory(path)) {
        BackstageCatalog c = new BackstageCatalog(path.toRealPath(), path);
        CatalogFolder.yamlFiles(c.root, c.shownRoot, c.out).forEach(c::enqueue);
        return c.run();
      }
      if (Files.isRegularFile(path)) {
        Path real = path.toRealPath();
        Path parent = path.getParent();
        BackstageCatalog c = new BackstageCatalog(real.getParent(), parent == null ? Path.of("") : parent);
        c.enqueue(real);
        return c.run();
      }
    } catch (IOException e) {
      throw ConfigException.about(shown, "cannot read the catalog: " + e.getMessage());
    }
    throw ConfigException.about(shown, "no such catalog file or folder");
  }

  /** Reads catalog YAML held in memory; Location targets are reported, not followed. */
  public static LoadedCatalog parse(byte[] content, String source) {
    CatalogCollector out = new CatalogCollector();
    for (YamlNode document : SafeYaml.config().parseAll(content, source)) {
      for (EntityYaml.Target t : EntityYaml.read(document, out)) {
        out.warn(t.origin(), "Location target " + ConfigException.quote(t.target()) + " not followed: no folder to read it in");
      }
    }
    return out.finish();
  }

  private void enqueue(Path real) {
    if (seen.add(real)) {
      if (seen.size() > MAX_FILES) {
        throw ConfigException.about(shownRoot.toString(), "the catalog has more than " + MAX_FILES + " files");
      }
      queue.add(real);
    }
  }

  private LoadedCatalog run() throws IOException {
    while (!queue.isEmpty()) {
      Path file = queue.poll();
      String source = shownRoot.resolve(root.relativize(file)).toString();
      for (YamlNode document : yaml.parseAll(read(file, source), source)) {
        for (EntityYaml.Target t : EntityYaml.read(document, out)) {
          follow(file, t);
        }
      }
    }
    return out.finish();
  }

  private byte[] read(Path file, String source) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] content = in.readNBytes(yaml.limits().maxBytes() + 1);
      bytes += content.length;
      if (bytes > MAX_TOTAL_BYTES) {
        throw ConfigException.about(source, "the catalog is larger than " + MAX_TOTAL_BYTES + " bytes in all");
      }
      return content;
    }
  }

  private void follow(Path from, EntityYaml.Target t) throws IOException {
    String quoted = ConfigException.quote(t.target());
    if (t.url() || t.target().contains("://")) {
      out.warn(t.origin(), "Location target " + quoted + " not followed: Countersign never fetches URLs");
      return;
    }
    if (t.target().indexOf('*') >= 0 || t.target().indexOf('?') >= 0) {
      out.warn(t.origin(), "Location target " + quoted + " not followed: globs are not supported");
      return;
    }
    Path target;
    try {
      target = from.getParent().resolve(t.target()).normalize();
    } catch (InvalidPathException e) {
      out.warn(t.origin(), "Location target " + quoted + " not followed: not a valid path");
      return;
    }
    if (!target.startsWith(root)) {
      out.warn(t.origin(), "Location target " + quoted + " not followed: it is outside the catalog folder");
    } else if (!Files.isRegularFile(target)) {
      out.warn(t.origin(), "Location target " + quoted + " not followed: no such file");
    } else if (!target.toRealPath().startsWith(root)) {
      out.warn(t.origin(), "Location target " + quoted + " not followed: a link that leads outside the catalog folder");
    } else {
      enqueue(target.toRealPath());
    }
  }
}
