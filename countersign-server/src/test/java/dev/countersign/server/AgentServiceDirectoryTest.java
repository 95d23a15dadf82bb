package dev.countersign.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.analyze.InputLimits;
import dev.countersign.config.org.OrgYaml;
import dev.countersign.directory.Directory;
import dev.countersign.directory.EffectiveRights;
import dev.countersign.directory.Rights;
import dev.countersign.store.Store;
import dev.countersign.store.StoreConfig;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The effective directory: org.yaml (which may be reloaded) ∪ the agents managed in the store. */
class AgentServiceDirectoryTest {
  private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
  private static final String WITH_MIA = "humans:\n  - {id: mia, level: senior, teams: [payments]}\n"
      + "  - {id: sam, level: senior, teams: [payments]}\n";
  private static final String WITHOUT_MIA = "humans:\n  - {id: sam, level: senior, teams: [payments]}\n";

  @TempDir Path dir;

  @Test
  void sponsorWhoLeavesOrgYaml_takesTheAgentsRightsWithThem_onTheNextRead() {
    AtomicReference<Directory> org = new AtomicReference<>(OrgYaml.parse(WITH_MIA, "org.yaml"));
    try (Store store = Store.open(StoreConfig.h2File(dir))) {
      AgentService agents = new AgentService(store, org::get, () -> NOW, new JsonCodec(InputLimits.DEFAULT_MAX_BYTES));
      agents.create("mia", new AgentRequests.Create("kiro-9", "mia", "m"));
      agents.addGrant("mia", "kiro-9", new AgentRequests.AddGrant(
          List.of("staging"), List.of("*"), List.of("read"), "2026-12-01T00:00:00Z", "reads"));
      Directory before = agents.directory();
      assertThat(Rights.effective(before.agent("kiro-9").orElseThrow(), before))
          .isInstanceOf(EffectiveRights.Bounded.class);

      org.set(OrgYaml.parse(WITHOUT_MIA, "org.yaml"));
      Directory after = agents.directory();

      assertThat(Rights.effective(after.agent("kiro-9").orElseThrow(), after))
          .isInstanceOfSatisfying(EffectiveRights.Refused.class,
              r -> assertThat(r.reason()).contains("sponsor 'mia' is not a human in the directory"));
    }
  }

  @Test
  void managedAgentWhoseIdLaterAppearsInOrgYaml_yieldsToOrgYaml() {
    AtomicReference<Directory> org = new AtomicReference<>(OrgYaml.parse(WITH_MIA, "org.yaml"));
    try (Store store = Store.open(StoreConfig.h2File(dir))) {
      AgentService agents = new AgentService(store, org::get, () -> NOW, new JsonCodec(InputLimits.DEFAULT_MAX_BYTES));
      agents.create("mia", new AgentRequests.Create("kiro-9", "mia", "m"));

      org.set(OrgYaml.parse(WITH_MIA + "agents:\n  - {id: kiro-9, sponsor: sam, model: x, grants: []}\n", "org.yaml"));

      assertThat(agents.directory().agent("kiro-9").orElseThrow().sponsor()).isEqualTo("sam");
    }
  }
}
