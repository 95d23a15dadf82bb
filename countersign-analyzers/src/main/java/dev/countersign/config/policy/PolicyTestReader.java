package dev.countersign.config.policy;

import dev.countersign.config.org.OrgYaml;
import dev.countersign.config.yaml.ConfigException;
import dev.countersign.config.yaml.SafeYaml;
import dev.countersign.config.yaml.YamlMapping;
import dev.countersign.directory.Directory;
import dev.countersign.policy.FreezeWindow;
import dev.countersign.policy.PolicyException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a policy test file: {@code {org: <org.yaml content, optional>, tests: [...]}}; the org
 * comes from the file, else from {@code orgFile}. Any problem is a {@link PolicyException} with
 * {@code FILE:LINE:COL}.
 */
final class PolicyTestReader {
  private PolicyTestReader() {}

  /** The tests of the file with text {@code text}; {@code calendar} applies where a test gives no freezes. */
  static List<PolicyTestCase> read(
      String text, String source, Optional<Path> orgFile, List<FreezeWindow> calendar) {
    try {
      YamlMapping root = SafeYaml.config().parse(text, source).asMapping().allowOnly("org", "tests");
      Directory directory = directory(root, text, source, orgFile);
      List<YamlMapping> tests = root.mappings("tests");
      if (tests.isEmpty()) {
        throw root.required("tests").error("the file has no tests");
      }
      Map<String, Integer> names = new HashMap<>();
      List<PolicyTestCase> out = new ArrayList<>();
      for (YamlMapping t : tests) {
        PolicyTestCase c = PolicyTestCaseReader.read(t, source, directory, calendar);
        Integer first = names.putIfAbsent(c.name(), t.origin().line());
        if (first != null) {
          throw t.required("name").error("duplicate test name '" + c.name() + "' (first at line " + first + ")");
        }
        out.add(c);
      }
      return List.copyOf(out);
    } catch (ConfigException e) {
      throw new PolicyException(e.getMessage(), e);
    }
  }

  private static Directory directory(YamlMapping root, String text, String source, Optional<Path> orgFile) {
    if (root.has("org")) {
      root.required("org").asMapping();
      return InlineOrg.read(root, "org", text);
    }
    if (orgFile.isPresent()) {
      return OrgYaml.load(orgFile.get());
    }
    throw ConfigException.about(source, "no org: write one under 'org:' in the file or pass an org.yaml file");
  }
}
