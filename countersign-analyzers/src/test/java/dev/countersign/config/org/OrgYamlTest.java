package dev.countersign.config.org;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.countersign.config.yaml.ConfigException;
import dev.countersign.directory.Agent;
import dev.countersign.directory.Directory;
import dev.countersign.directory.Grant;
import dev.countersign.directory.Human;
import dev.countersign.directory.Level;
import dev.countersign.directory.Rights;
import dev.countersign.model.Action;
import dev.countersign.model.Verb;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class OrgYamlTest {
  static final String DESIGN_EXAMPLE =
      """
      humans:
        - id: mia
          name: Mia Chen
          level: mid
          teams: [payments]
      agents:
        - id: kiro-7
          sponsor: mia
          model: example/agent-1
          grants:
            - environments: [staging]
              services: [payments-api, payments-db]
              verbs: [read, create, update, delete, replace, exec]
              expires: 2027-06-30T00:00:00Z
            - environments: [production]
              services: [payments-api]
              verbs: [read, create, update, exec]
              expires: 2027-06-30T00:00:00Z
      services:
        - id: deploy-bot
          grants:
            - environments: [staging]
              services: ["*"]
              verbs: [read, update]
              expires: 2027-06-30T00:00:00Z
      """;

  private static final String MIA =
      """
      humans:
        - id: mia
          level: mid
          teams: [payments]
      """;

  @Test
  void designExample_loadsEveryPrincipal() {
    Directory d = OrgYaml.parse(DESIGN_EXAMPLE, "org.yaml");
    assertThat(d.human("mia"))
        .contains(new Human("mia", "Mia Chen", Level.MID, List.of("payments"), List.of()));
    Agent kiro = d.agent("kiro-7").orElseThrow();
    assertThat(kiro.sponsor()).isEqualTo("mia");
    assertThat(kiro.model()).isEqualTo("example/agent-1");
    assertThat(kiro.grants()).hasSize(2);
    assertThat(kiro.grants().get(1))
        .isEqualTo(
            new Grant(
                List.of("production"),
                List.of("payments-api"),
                Set.of(Verb.READ, Verb.CREATE, Verb.UPDATE, Verb.EXEC),
                Instant.parse("2027-06-30T00:00:00Z")));
    assertThat(d.find("deploy-bot")).get().extracting(p -> p.kind()).isEqualTo("service");
  }

  @Test
  void nameDefaultsToId_andVendorJoinsModel() {
    Directory d =
        OrgYaml.parse(
            MIA
                + """
                agents:
                  - id: a1
                    sponsor: mia
                    vendor: acme
                    model: coder
                    grants: []
                """,
            "org.yaml");
    assertThat(d.human("mia").orElseThrow().name()).isEqualTo("mia");
    assertThat(d.agent("a1").orElseThrow().model()).isEqualTo("acme/coder");
  }

  @Test
  void anchorsAndAliases_shareGrantsBetweenPrincipals() {
    Directory d =
        OrgYaml.parse(
            MIA
                + agent("mia", "").replace("grants:\n", "grants: &std\n")
                + grant("[staging]", "[read]", true)
                + "services:\n  - id: bot\n    grants: *std\n",
            "org.yaml");
    assertThat(d.find("bot").orElseThrow().grants())
        .isEqualTo(d.agent("a1").orElseThrow().grants());
  }

  static Stream<Arguments> invalidOrgs() {
    return Stream.of(
        Arguments.of(
            "unknown top-level field",
            "humans: []\nteams: []\n",
            "org.yaml:2:1: field 'teams': unknown field 'teams' (expected one of humans, agents,"
                + " services)"),
        Arguments.of(
            "unknown human field",
            MIA + "    email: m@x\n",
            "org.yaml:5:5: field 'humans[0].email': unknown field 'email' (expected one of id,"
                + " name, level, teams, grants)"),
        Arguments.of(
            "bad level",
            MIA.replace("level: mid", "level: boss"),
            "org.yaml:3:12: field 'humans[0].level': unknown level 'boss' (expected one of junior,"
                + " mid, senior, staff, principal)"),
        Arguments.of(
            "missing level",
            MIA.replace("    level: mid\n", ""),
            "org.yaml:2:5: field 'humans[0].level': required field is missing"),
        Arguments.of(
            "missing teams",
            MIA.replace("    teams: [payments]\n", ""),
            "org.yaml:2:5: field 'humans[0].teams': required field is missing"),
        Arguments.of(
            "duplicate id",
            MIA + "  - id: mia\n    level: senior\n    teams: []\n",
            "org.yaml:5:9: field 'humans[1].id': duplicate id 'mia' (first at line 2)"),
        Arguments.of(
            "duplicate id across kinds",
            MIA + "services:\n  - id: mia\n    grants: []\n",
            "org.yaml:6:9: field 'services[0].id': duplicate id 'mia' (first at line 2)"),
        Arguments.of(
            "bad id",
            MIA.replace("id: mia", "id: 'mia chen'"),
            "org.yaml:2:9: field 'humans[0].id': id 'mia chen' must be letters, digits and . _ @ +"
                + " - (at most 128, starting with a letter or digit)"),
        Arguments.of(
            "unknown sponsor",
            MIA + agent("bob", grant("[staging]", "[read]", true)),
            "org.yaml:7:14: field 'agents[0].sponsor': sponsor 'bob' is not a known human (an agent"
                + " acts for a human listed under 'humans')"),
        Arguments.of(
            "agent sponsoring an agent",
            MIA
                + agent("mia", grant("[staging]", "[read]", true))
                + "  - id: a2\n    sponsor: a1\n    grants: []\n",
            "org.yaml:14:14: field 'agents[1].sponsor': sponsor 'a1' is not a human (an agent acts"
                + " for a human listed under 'humans')"),
        Arguments.of(
            "agent without grants field",
            MIA + "agents:\n  - id: a1\n    sponsor: mia\n",
            "org.yaml:6:5: field 'agents[0].grants': required field is missing"),
        Arguments.of(
            "unknown verb",
            MIA + agent("mia", grant("[staging]", "[read, destroy]", true)),
            "org.yaml:11:23: field 'agents[0].grants[0].verbs[1]': unknown verb 'destroy' (expected"
                + " one of create, read, update, delete, replace, noop, exec)"),
        Arguments.of(
            "empty verbs",
            MIA + agent("mia", grant("[staging]", "[]", true)),
            "org.yaml:11:16: field 'agents[0].grants[0].verbs': must list at least one verb"),
        Arguments.of(
            "empty environments",
            MIA + agent("mia", grant("[]", "[read]", true)),
            "org.yaml:9:23: field 'agents[0].grants[0].environments': must list at least one"
                + " value"),
        Arguments.of(
            "missing expiry",
            MIA + agent("mia", grant("[staging]", "[read]", false)),
            "org.yaml:9:9: field 'agents[0].grants[0].expires': every grant needs an expiry such as"
                + " 'expires: 2027-06-30T00:00:00Z' (a grant without one is operator-level)"),
        Arguments.of(
            "null expiry",
            MIA + agent("mia", grant("[staging]", "[read]", false) + "        expires:\n"),
            "org.yaml:12:17: field 'agents[0].grants[0].expires': every grant needs an expiry such"
                + " as 'expires: 2027-06-30T00:00:00Z' (a grant without one is operator-level)"),
        Arguments.of(
            "date-only expiry",
            MIA
                + agent(
                    "mia", grant("[staging]", "[read]", false) + "        expires: 2027-06-30\n"),
            "org.yaml:12:18: field 'agents[0].grants[0].expires': expected an ISO-8601 instant with"
                + " a time and zone such as 2027-06-30T00:00:00Z, got the value '2027-06-30'"),
        Arguments.of(
            "unknown grant field",
            MIA + agent("mia", grant("[staging]", "[read]", true) + "        reason: x\n"),
            "org.yaml:13:9: field 'agents[0].grants[0].reason': unknown field 'reason' (expected"
                + " one of environments, services, verbs, expires)"),
        Arguments.of(
            "teams not a list",
            MIA.replace("[payments]", "payments"),
            "org.yaml:4:12: field 'humans[0].teams': expected a list, got the value 'payments'"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidOrgs")
  void invalidOrg_isRefusedWithFileLineAndField(String name, String yaml, String message) {
    assertThatThrownBy(() -> OrgYaml.parse(yaml, "org.yaml"))
        .isInstanceOf(ConfigException.class)
        .hasMessage(message);
  }

  @Test
  void agentWithEveryMutatingVerbInProduction_isRefusedAsOperatorLevel() {
    String yaml =
        MIA + agent("mia", grant("[production]", "[create, update, delete, replace, exec]", true));
    assertThatThrownBy(() -> OrgYaml.parse(yaml, "org.yaml"))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith(
            "org.yaml:9:9: field 'agents[0].grants[0]': operator-level grant refused:"
                + " it covers production with every mutating verb");
  }

  @Test
  void serviceWithAllVerbsInEveryEnvironment_isRefusedAsOperatorLevel() {
    String yaml =
        "services:\n  - id: bot\n    grants:\n"
            + grant("['*']", "[create, read, update, delete, replace, noop, exec]", true);
    assertThatThrownBy(() -> OrgYaml.parse(yaml, "org.yaml"))
        .hasMessageContaining(
            "field 'services[0].grants[0]': operator-level grant refused:"
                + " it covers every environment ('*')");
  }

  @Test
  void humanGrantsAreLimits_soTheyAreNotRefusedAsOperatorLevel() {
    String yaml =
        MIA
            + "    grants:\n"
            + grant("[production]", "[create, update, delete, replace, exec]", true);
    assertThat(OrgYaml.parse(yaml, "org.yaml").human("mia").orElseThrow().grants()).hasSize(1);
  }

  @Test
  void expiredGrant_isKeptButGivesNoRights() {
    String yaml =
        MIA
            + agent(
                "mia",
                grant("[staging]", "[read]", false) + "        expires: 2024-01-01T00:00:00Z\n");
    Directory d = OrgYaml.parse(yaml, "org.yaml");
    Agent a1 = d.agent("a1").orElseThrow();
    assertThat(a1.grants()).hasSize(1);
    Action read = new Action(Verb.READ, "file", "README.md", "", false, "", "");
    assertThat(
            Rights.violations(
                a1, d, "staging", List.of(), List.of(read), Instant.parse("2026-01-01T00:00:00Z")))
        .containsExactly(
            "a1 may not read README.md in staging: its grants there expired at"
                + " 2024-01-01T00:00:00Z");
  }

  @Test
  void load_readsAFile_andNamesItInErrors(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("org.yaml");
    Files.writeString(file, DESIGN_EXAMPLE);
    assertThat(OrgYaml.load(file).all()).hasSize(3);
    Files.writeString(file, "humans: [1]\n");
    assertThatThrownBy(() -> OrgYaml.load(file))
        .hasMessage(
            file + ":1:10: field 'humans[0]': expected a mapping (key: value), got the value '1'");
    assertThatThrownBy(() -> OrgYaml.load(dir.resolve("absent.yaml")))
        .isInstanceOf(ConfigException.class)
        .hasMessageEndingWith("absent.yaml: no such file");
  }

  @Test
  void demoOrganisation_loads() {
    Path demo = Path.of("../org.yaml");
    assertThat(demo).as("the demo org.yaml ships at the repository root").exists();
    Directory d = OrgYaml.load(demo);
    assertThat(d.agent("kiro-7").orElseThrow().sponsor()).isEqualTo("mia");
    assertThat(d.agent("claude-ops").orElseThrow().sponsor()).isEqualTo("li");
    assertThat(d.find("deploy-bot")).isPresent();
    assertThat(d.all()).extracting(p -> p.kind()).contains("human", "agent", "service");
    Instant now = Instant.parse("2026-03-01T00:00:00Z");
    Agent ops = d.agent("claude-ops").orElseThrow();
    Action k8s =
        new Action(Verb.UPDATE, "kubernetes", "deployment/api", "platform-k8s", false, "", "");
    Action payments =
        new Action(
            Verb.UPDATE, "aws_ecs_service", "aws_ecs_service.api", "payments-api", false, "", "");
    assertThat(Rights.violations(ops, d, "production", List.of(), List.of(k8s), now)).isEmpty();
    assertThat(Rights.violations(ops, d, "staging", List.of(), List.of(payments), now))
        .singleElement()
        .asString()
        .contains("within sponsor li's");
  }

  /** An agents section with one agent a1 whose sponsor is {@code sponsor}; grants at line 9+. */
  private static String agent(String sponsor, String grants) {
    return "agents:\n  - id: a1\n    sponsor: " + sponsor + "\n    grants:\n" + grants;
  }

  private static String grant(String environments, String verbs, boolean expires) {
    return "      - environments: "
        + environments
        + "\n"
        + "        services: [payments-api]\n"
        + "        verbs: "
        + verbs
        + "\n"
        + (expires ? "        expires: 2027-06-30T00:00:00Z\n" : "");
  }
}
