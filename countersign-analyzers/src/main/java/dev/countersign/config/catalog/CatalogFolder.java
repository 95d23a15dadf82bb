package dev.countersign.config.catalog;

import dev.countersign.config.yaml.ConfigException;
import dev.countersign.config.yaml.Origin;
import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.FileVisitor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;

/** Lists the YAML files of a catalog folder, in a stable order. */
final class CatalogFolder {
  /** How deep folders are searched. */
  static final int MAX_DEPTH = 32;

  private CatalogFolder() {}

  /**
   * Every {@code *.yaml} and {@code *.yml} regular file under {@code root}, sorted by path; a link
   * is a warning (named under {@code shownRoot}, the folder as the user gave it), never followed.
   */
  static List<Path> yamlFiles(Path root, Path shownRoot, CatalogCollector out) throws IOException {
    List<Path> files = new ArrayList<>();
    FileVisitor<Path> visitor =
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
            boolean hidden = !dir.equals(root) && dir.getFileName().toString().startsWith(".");
            return hidden ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            if (!yaml(file)) {
              return FileVisitResult.CONTINUE;
            }
            if (attrs.isSymbolicLink()) {
              out.warn(Origin.of(shownRoot.resolve(root.relativize(file)).toString()), "a symbolic link, not followed");
            } else if (attrs.isRegularFile()) {
              files.add(file);
              if (files.size() > BackstageCatalog.MAX_FILES) {
                throw ConfigException.about(shownRoot.toString(), "the catalog has more than " + BackstageCatalog.MAX_FILES + " files");
              }
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
            throw e;
          }
        };
    Files.walkFileTree(root, EnumSet.noneOf(FileVisitOption.class), MAX_DEPTH, visitor);
    files.sort(null);
    return files;
  }

  private static boolean yaml(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return name.endsWith(".yaml") || name.endsWith(".yml");
  }
}
