package dev.countersign.config.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.countersign.policy.PolicyException;
import dev.countersign.policy.Rule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading a policy directory, and keeping a working policy when an edit breaks it. */
class PolicyLoaderTest {
  @TempDir Path dir;

  private static String rule(String name, String match) {
    return "rules:\n  - name: " + name + "\n    description: d\n    match: " + match
        + "\n    effect: deny\n    enforcement: hard\n    message: m\n";
  }

  @Test
  void directory_loadsPolicyFilesInNameOrderAndSkipsTestsAndCalendar() throws IOException {
    Files.writeString(dir.resolve("b.yaml"), rule("second", "change.byAgent"));
    Files.writeString(dir.resolve("a.yaml"), rule("first", "analysis.dataLoss"));
    Files.writeString(dir.resolve("a_test.yaml"), "not: [a policy");
    Files.writeString(dir.resolve("notes.txt"), "ignored");
    Files.writeString(dir.resolve("calendar.yaml"),
        "freezes: [{name: f, start: 2026-01-01T00:00:00Z, end: 2026-01-02T00:00:00Z}]\n");

    LoadedPolicy loaded = PolicyLoader.create().load(dir);

    assertThat(loaded.policy().policySet().rules()).extracting(Rule::name).containsExactly("first", "second");
    assertThat(loaded.freezes()).hasSize(1);
  }

  @Test
  void duplicateRuleNamesAcrossFiles_areAnErrorWithBothPositions() throws IOException {
    Files.writeString(dir.resolve("a.yaml"), rule("same", "true"));
    Files.writeString(dir.resolve("b.yaml"), rule("same", "false"));

    assertThatThrownBy(() -> PolicyLoader.create().load(dir))
        .isInstanceOf(PolicyException.class)
        .hasMessageStartingWith(dir.resolve("b.yaml") + ":2:5: duplicate rule name 'same'")
        .hasMessageContaining(dir.resolve("a.yaml") + ":2:5");
  }

  @Test
  void holder_keepsTheWorkingPolicyWhenAReloadFails() throws IOException {
    Files.writeString(dir.resolve("a.yaml"), rule("first", "change.byAgent"));
    PolicyHolder holder = PolicyHolder.forDirectory(dir, PolicyLoader.create());
    String working = holder.current().digest();

    Files.writeString(dir.resolve("a.yaml"), rule("first", "change.byAgnt"));

    assertThatThrownBy(holder::reload).isInstanceOf(PolicyException.class).hasMessageContaining("byAgnt");
    assertThat(holder.current().digest()).isEqualTo(working);

    Files.writeString(dir.resolve("a.yaml"), rule("first", "analysis.destructive"));
    assertThat(holder.reload().digest()).isNotEqualTo(working);
    assertThat(holder.current().digest()).isNotEqualTo(working);
  }

  @Test
  void missingDirectory_isAPolicyError() {
    assertThatThrownBy(() -> PolicyLoader.create().load(dir.resolve("nope")))
        .isInstanceOf(PolicyException.class)
        .hasMessageContaining("not a directory");
  }

  @Test
  void directoryWithoutPolicyFiles_isRefusedRatherThanAllowingEverything() throws IOException {
    Files.writeString(dir.resolve("calendar.yaml"), "freezes: []\n");

    assertThatThrownBy(() -> PolicyLoader.create().load(dir))
        .isInstanceOf(PolicyException.class)
        .hasMessageContaining("no policy files");
  }
}
