package dev.countersign.cli;

import dev.countersign.analyze.AnalysisException;
import dev.countersign.analyze.Analyzers;
import dev.countersign.analyze.InputLimits;
import dev.countersign.catalog.BlastRadii;
import dev.countersign.catalog.CatalogGraph;
import dev.countersign.config.catalog.BackstageCatalog;
import dev.countersign.config.catalog.LoadedCatalog;
import dev.countersign.config.org.OrgYaml;
import dev.countersign.config.policy.LoadedPolicy;
import dev.countersign.config.policy.PolicyLoader;
import dev.countersign.directory.Directory;
import dev.countersign.model.Analysis;
import dev.countersign.model.ChangeKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What several commands share: reading inputs within limits, and finding the directory and policy
 * (the given files, else {@code ./org.yaml}, else the bundled demo organisation and default pack).
 */
final class Setup {
  private Setup() {}

  /** Every analyser this build has. */
  static final Analyzers ANALYZERS = Analyzers.standard();

  /** The demo organisation shipped in the jar. */
  static final String BUNDLED_ORG = "/demo/org.yaml";
  /** The default policy pack shipped in the jar. */
  static final String BUNDLED_POLICY = "/policies/default";

  /** Reads a file (or stdin for "-") refusing anything over {@code maxBytes} before reading it. */
  static byte[] read(String file, long maxBytes) {
    try {
      if (file.equals("-")) {
        return readBounded(System.in, maxBytes, "stdin");
      }
      Path path = Path.of(file);
      if (!Files.exists(path) || Files.isDirectory(path)) {
        throw new InputError("no such file: " + file);
      }
      if (!Files.isRegularFile(path)) { // a pipe such as <(...): its size is unknown until read
        try (InputStream in = Files.newInputStream(path)) {
          return readBounded(in, maxBytes, file);
        }
      }
      long size = Files.size(path);
      if (size > maxBytes) {
        throw new InputError(file + " is " + size + " bytes, over the limit of " + maxBytes + " (--max-bytes)");
      }
      return Files.readAllBytes(path);
    } catch (NoSuchFileException e) {
      throw new InputError("no such file: " + file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] readBounded(InputStream in, long maxBytes, String what) throws IOException {
    byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
    if (bytes.length > maxBytes) {
      throw new InputError(what + " is over the limit of " + maxBytes + " bytes (--max-bytes)");
    }
    return bytes;
  }

  /**
   * Analyses a file (or stdin for "-"), streaming regular files so that a plan of hundreds of MB
   * never sits in memory whole.
   */
  static Analysis analyzeFile(Optional<String> kind, String file, long maxBytes) {
    Path path = Path.of(file);
    if (file.equals("-") || !Files.isRegularFile(path)) {
      return analyze(kind, read(file, maxBytes), maxBytes);
    }
    try {
      long size = Files.size(path);
      if (size > maxBytes) {
        throw new InputError(file + " is " + size + " bytes, over the limit of " + maxBytes + " (--max-bytes)");
      }
      InputLimits limits = InputLimits.defaults().withMaxBytes(maxBytes);
      Optional<ChangeKind> k = kind.map(Setup::kind);
      try (InputStream in = Files.newInputStream(path)) {
        return k.isPresent() ? ANALYZERS.analyze(k.get(), in, limits) : ANALYZERS.analyze(in, limits);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Analyses content, detecting the kind when none is given. */
  static Analysis analyze(Optional<String> kind, byte[] content, long maxBytes) {
    Optional<ChangeKind> k = kind.map(Setup::kind);
    InputLimits limits = InputLimits.defaults().withMaxBytes(maxBytes);
    return k.map(x -> ANALYZERS.analyze(x, content, limits)).orElseGet(() -> ANALYZERS.analyze(content, limits));
  }

  /** The service catalog at {@code --catalog} (a file or folder), its warnings printed to stderr. */
  static Optional<CatalogGraph> catalog(Optional<Path> path) {
    return path.map(
        p -> {
          LoadedCatalog catalog = BackstageCatalog.load(p);
          catalog.warnings().forEach(w -> System.err.println("countersign: catalog warning: " + w));
          return catalog.graph();
        });
  }

  /**
   * The analysis with its blast radius over the catalog, when there is one. The digest does not
   * cover it: the blast radius depends on the catalog, not on what the change does.
   */
  static Analysis withBlastRadius(Analysis analysis, Optional<CatalogGraph> catalog, List<String> services) {
    return catalog
        .map(graph -> analysis.withBlastRadius(BlastRadii.compute(graph, services, analysis.actions())))
        .orElse(analysis);
  }

  /** Parses a kind word or fails naming the choices. */
  static ChangeKind kind(String word) {
    return ChangeKind.fromWire(word)
        .orElseThrow(() -> new InputError("unknown kind '" + word + "' (expected terraform-plan, cloudformation-changeset, kubernetes, sql, shell or git)"));
  }

  /** The directory: the given org file, else ./org.yaml, else the bundled demo organisation. */
  static Directory directory(Optional<Path> org) {
    Optional<Path> file = org.or(() -> Optional.of(Path.of("org.yaml")).filter(Files::isRegularFile));
    if (file.isPresent()) {
      if (!Files.isRegularFile(file.get())) {
        throw new InputError("no such org file: " + file.get());
      }
      return OrgYaml.load(file.get());
    }
    return OrgYaml.parse(bundledBytes(BUNDLED_ORG), "bundled demo org.yaml");
  }

  /** Describes where the directory comes from, for startup messages. */
  static String directorySource(Optional<Path> org) {
    if (org.isPresent()) {
      return org.get().toString();
    }
    return Files.isRegularFile(Path.of("org.yaml")) ? "./org.yaml" : "the bundled demo organisation";
  }

  /** The policy directory: the given one, else the bundled default pack. */
  static Path policyDir(Optional<Path> dir) {
    if (dir.isPresent()) {
      if (!Files.isDirectory(dir.get())) {
        throw new InputError("no such policy directory: " + dir.get());
      }
      return dir.get();
    }
    return bundledDir(BUNDLED_POLICY);
  }

  /** Loads and compiles the policy. */
  static LoadedPolicy policy(Optional<Path> dir) {
    return PolicyLoader.create().load(policyDir(dir));
  }

  private static byte[] bundledBytes(String resource) {
    try (InputStream in = Setup.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("the jar is missing " + resource);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A resource folder as a Path, inside the jar (zip file system) or on disk in development. */
  static Path bundledDir(String resource) {
    try {
      var url = Setup.class.getResource(resource);
      if (url == null) {
        throw new IllegalStateException("the jar is missing " + resource);
      }
      URI uri = url.toURI();
      if (uri.getScheme().equals("jar")) {
        try {
          FileSystems.newFileSystem(uri, Map.of());
        } catch (FileSystemAlreadyExistsException e) {
          // Opened by an earlier call: Path.of below finds it.
        }
      }
      return Path.of(uri);
    } catch (URISyntaxException | IOException e) {
      throw new IllegalStateException("cannot open bundled " + resource, e);
    }
  }

  /** For messages: whether a throwable is the analysers' input error. */
  static boolean isInputError(Throwable t) {
    return t instanceof AnalysisException;
  }
}
