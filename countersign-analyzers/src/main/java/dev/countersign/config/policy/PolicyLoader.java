package dev.countersign.config.policy;

import dev.countersign.config.yaml.ConfigException;
import dev.countersign.config.yaml.SafeYaml;
import dev.countersign.policy.CompiledPolicy;
import dev.countersign.policy.FreezeWindow;
import dev.countersign.policy.PolicyCompiler;
import dev.countersign.policy.PolicyCompilerFactory;
import dev.countersign.policy.PolicyException;
import dev.countersign.policy.PolicySet;
import dev.countersign.policy.Rule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Loads a policy directory: every {@code *.yaml} file except {@code *_test.yaml} and {@code
 * calendar.yaml} is a policy file; rules are evaluated in file-name order, then in file order.
 * {@code calendar.yaml}, when present, holds the freeze windows. Everything is compiled before the
 * result is returned, so a loaded policy always works.
 */
public final class PolicyLoader {
  /** File names ending with this are policy tests, not policies. */
  public static final String TEST_SUFFIX = "_test.yaml";

  private final PolicyCompiler compiler;

  /** A loader that compiles with {@code compiler} (share one to share its cache). */
  public PolicyLoader(PolicyCompiler compiler) {
    this.compiler = compiler;
  }

  /** A loader with its own compiler. */
  public static PolicyLoader create() {
    return new PolicyLoader(PolicyCompilerFactory.create());
  }

  /** Loads and compiles the directory; throws {@link PolicyException} naming file, line and column. */
  public LoadedPolicy load(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new PolicyException(dir + ": not a directory of policy files");
    }
    SortedMap<String, String> texts = new TreeMap<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path p : files.filter(PolicyLoader::isPolicyOrCalendar).sorted().toList()) {
        String source = p.toString();
        texts.put(source, SafeYaml.config().decode(Files.readAllBytes(p), source));
      }
    } catch (IOException e) {
      throw new PolicyException(dir + ": cannot read the policy directory: " + e.getMessage(), e);
    } catch (ConfigException e) {
      throw new PolicyException(e.getMessage(), e);
    }
    if (texts.isEmpty()) {
      throw new PolicyException(dir + ": no policy files (*.yaml) in the directory");
    }
    return load(texts);
  }

  /**
   * Loads policy files given as texts by source name (e.g. from the classpath), evaluated in name
   * order; a name whose file name is {@code calendar.yaml} is the calendar, test files are ignored.
   */
  public LoadedPolicy load(SortedMap<String, String> texts) {
    List<Rule> rules = new ArrayList<>();
    List<FreezeWindow> freezes = List.of();
    List<String> files = new ArrayList<>();
    for (Map.Entry<String, String> e : texts.entrySet()) {
      String name = fileName(e.getKey());
      if (name.endsWith(TEST_SUFFIX)) {
        continue;
      }
      files.add(e.getKey());
      if (name.equals(CalendarYaml.FILE_NAME)) {
        freezes = CalendarYaml.parse(e.getValue(), e.getKey());
      } else {
        rules.addAll(PolicyYaml.parse(e.getValue(), e.getKey()));
      }
    }
    if (files.stream().allMatch(f -> fileName(f).equals(CalendarYaml.FILE_NAME))) {
      throw new PolicyException(
          "no policy files: an empty policy would allow everything, so it is refused"
              + " (write an allow rule to mean that)");
    }
    CompiledPolicy compiled = compiler.compile(PolicySet.of(rules));
    return new LoadedPolicy(compiled, freezes, files);
  }

  /** Whether {@code p} is a policy file or the calendar (not a test file). */
  static boolean isPolicyOrCalendar(Path p) {
    String name = p.getFileName().toString();
    return Files.isRegularFile(p) && name.endsWith(".yaml") && !name.endsWith(TEST_SUFFIX);
  }

  private static String fileName(String source) {
    int slash = Math.max(source.lastIndexOf('/'), source.lastIndexOf('\\'));
    return source.substring(slash + 1);
  }
}
