package dev.countersign.cli;

import static org.assertj.core.api.Assertions.fail;

import dev.countersign.cli.ExternalProcess.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * An agent CLI published on npm, pinned to one version and installed into its own folder of the
 * real-client test cache on first use (reused afterwards). Never skips: if npm cannot install it,
 * or the installed binary does not report the pinned version, the test fails and says why.
 *
 * @param name the npm package, e.g. {@code @openai/codex}
 * @param version the pinned version
 * @param folder the cache folder's name before the version, e.g. {@code codex}
 * @param binary the command the package puts in {@code node_modules/.bin}
 */
record PinnedNpmClient(String name, String version, String folder, String binary) {

  /** How to ask an installed binary for its version; empty when it cannot say. */
  @FunctionalInterface
  interface VersionProbe {
    String version(Path binary) throws IOException, InterruptedException;
  }

  /** The cache area: {@code -Dcountersign.e2e.cache}, else {@code ~/.cache/countersign-e2e}. */
  static Path cacheRoot() {
    String configured = System.getProperty("countersign.e2e.cache", "");
    return configured.isBlank()
        ? Path.of(System.getProperty("user.home"), ".cache", "countersign-e2e")
        : Path.of(configured);
  }

  /** What {@code npm install} is given, e.g. {@code @openai/codex@0.169.0}. */
  String spec() {
    return name + "@" + version;
  }

  /** This client's install prefix: {@code CACHE/FOLDER-VERSION}. */
  Path prefix() {
    return cacheRoot().resolve(folder + "-" + version);
  }

  /**
   * The installed binary, installing it first unless {@code probe} already reports a version that
   * {@code pinned} accepts; {@code hint} is added to the failure message when the version is wrong.
   */
  Path installed(VersionProbe probe, Predicate<String> pinned, String hint) throws IOException, InterruptedException {
    Path prefix = prefix();
    Path bin = prefix.resolve("node_modules/.bin/" + binary);
    if (!pinned.test(probe.version(bin))) {
      Files.createDirectories(prefix);
      Result npm = ExternalProcess.run(List.of("npm", "install", "--prefix", prefix.toString(), "--no-audit", "--no-fund", spec()),
          prefix, System.getenv(), 300);
      if (npm.code() != 0) {
        fail("could not install " + spec() + " with npm (exit " + npm.code() + "); the real-client test needs the npm registry:\n" + npm.output());
      }
      String v = probe.version(bin);
      if (!pinned.test(v)) {
        fail("npm installed " + spec() + " but `" + binary + " --version` says '" + v + "'" + hint);
      }
    }
    return bin;
  }

  /** What {@code BINARY --version} prints with exactly {@code env}, stripped; empty if it is not installed or fails. */
  static String versionOutput(Path binary, Map<String, String> env) throws IOException, InterruptedException {
    if (!Files.isExecutable(binary)) {
      return "";
    }
    Result r = ExternalProcess.run(List.of(binary.toString(), "--version"), binary.getParent(), env, 60);
    return r.code() == 0 ? r.output().strip() : "";
  }
}
