package dev.countersign.directory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.model.Action;
import dev.countersign.model.Verb;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RightsTest {
  private static final Instant NOW = Instant.parse("2026-03-01T00:00:00Z");
  private static final Instant LATER = Instant.parse("2027-06-30T00:00:00Z");
  private static final Set<Verb> ALL_BUT_NOOP = EnumSet.complementOf(EnumSet.of(Verb.NOOP));

  private static Grant grant(
      List<String> envs, List<String> services, Set<Verb> verbs, Instant expires) {
    return new Grant(envs, services, verbs, expires);
  }

  private static final Grant KIRO_STAGING =
      grant(List.of("staging"), List.of("payments-api", "payments-db"), ALL_BUT_NOOP, LATER);
  private static final Grant KIRO_PRODUCTION =
      grant(
          List.of("production"),
          List.of("payments-api"),
          EnumSet.of(Verb.READ, Verb.CREATE, Verb.UPDATE, Verb.EXEC),
          LATER);

  private static Human human(String id, Grant... grants) {
    return new Human(id, id, Level.MID, List.of("payments"), List.of(grants));
  }

  private static Agent kiro(String sponsor) {
    return new Agent("kiro-7", sponsor, "example/agent-1", List.of(KIRO_STAGING, KIRO_PRODUCTION));
  }

  private static Action action(Verb verb, String address, String service) {
    return new Action(
        verb,
        address.substring(0, Math.max(0, address.indexOf('.'))),
        address,
        service,
        false,
        "",
        "");
  }

  private static List<String> violations(
      Principal actor, Directory d, String env, Action... actions) {
    return Rights.violations(actor, d, env, List.of(), List.of(actions), NOW);
  }

  @Test
  void agentOfUnboundedSponsor_isBoundedByItsOwnGrants() {
    Directory d = Directory.of(List.of(human("mia"), kiro("mia")));
    assertThat(
            violations(
                kiro("mia"),
                d,
                "production",
                action(Verb.UPDATE, "aws_ecs_service.api", "payments-api")))
        .isEmpty();
    assertThat(
            violations(
                kiro("mia"),
                d,
                "production",
                action(Verb.DELETE, "aws_db_instance.main", "payments-api")))
        .containsExactly(
            "kiro-7 may not delete aws_db_instance.main in production:"
                + " its grants cover create, read, update, exec there");
  }

  @Test
  void sponsorWithNarrowerEnvironments_narrowsTheAgent() {
    Human mia = human("mia", grant(List.of("staging"), List.of("*"), ALL_BUT_NOOP, LATER));
    Directory d = Directory.of(List.of(mia, kiro("mia")));
    assertThat(
            violations(
                kiro("mia"),
                d,
                "staging",
                action(Verb.DELETE, "aws_db_instance.main", "payments-db")))
        .isEmpty();
    assertThat(
            violations(
                kiro("mia"),
                d,
                "production",
                action(Verb.READ, "aws_ecs_service.api", "payments-api")))
        .containsExactly(
            "kiro-7 may not read aws_ecs_service.api in production:"
                + " its grants, within sponsor mia's, do not cover this environment");
  }

  @Test
  void sponsorWithNarrowerVerbs_narrowsTheAgent() {
    Human mia = human("mia", grant(List.of("*"), List.of("*"), EnumSet.of(Verb.READ), LATER));
    Directory d = Directory.of(List.of(mia, kiro("mia")));
    assertThat(
            violations(
                kiro("mia"),
                d,
                "staging",
                action(Verb.READ, "aws_db_instance.main", "payments-db")))
        .isEmpty();
    assertThat(
            violations(
                kiro("mia"),
                d,
                "staging",
                action(Verb.UPDATE, "aws_db_instance.main", "payments-db")))
        .containsExactly(
            "kiro-7 may not update aws_db_instance.main in staging:"
                + " its grants, within sponsor mia's, cover read there");
  }

  @Test
  void intersection_takesTheEarlierExpiry() {
    Instant soon = Instant.parse("2026-02-01T00:00:00Z");
    Human mia = human("mia", grant(List.of("*"), List.of("*"), ALL_BUT_NOOP, soon));
    Directory d = Directory.of(List.of(mia, kiro("mia")));
    EffectiveRights rights = Rights.effective(kiro("mia"), d);
    assertThat(rights).isInstanceOf(EffectiveRights.Bounded.class);
    assertThat(((EffectiveRights.Bounded) rights).grants())
        .extracting(Grant::expires)
        .containsOnly(soon);
    assertThat(violations(kiro("mia"), d, "staging", action(Verb.READ, "x.y", "payments-api")))
        .containsExactly(
            "kiro-7 may not read x.y in staging: its grants, within sponsor mia's,"
                + " there expired at 2026-02-01T00:00:00Z");
  }

  @Test
  void sponsorWithNarrowerServices_narrowsTheAgent() {
    Human mia = human("mia", grant(List.of("*"), List.of("payments-api"), ALL_BUT_NOOP, LATER));
    Directory d = Directory.of(List.of(mia, kiro("mia")));
    assertThat(
            violations(
                kiro("mia"),
                d,
                "staging",
                action(Verb.DELETE, "aws_db_instance.main", "payments-db")))
        .containsExactly(
            "kiro-7 may not delete aws_db_instance.main in staging: its grants, within"
                + " sponsor mia's, there cover services payments-api, not service payments-db");
  }

  @Test
  void sponsorRemovedFromTheDirectory_leavesTheAgentNoRights() {
    Directory d = Directory.of(List.of(kiro("mia")));
    assertThat(Rights.effective(kiro("mia"), d)).isInstanceOf(EffectiveRights.Refused.class);
    assertThat(violations(kiro("mia"), d, "staging", action(Verb.READ, "x.y", "payments-api")))
        .containsExactly(
            "kiro-7 may not read x.y in staging: its sponsor 'mia' is not a human in the"
                + " directory");
  }

  @Test
  void sponsorThatIsNotAHuman_leavesTheAgentNoRights() {
    ServiceIdentity bot = new ServiceIdentity("mia", List.of(KIRO_STAGING));
    Directory d = Directory.of(List.of(bot, kiro("mia")));
    assertThat(Rights.effective(kiro("mia"), d)).isInstanceOf(EffectiveRights.Refused.class);
  }

  @Test
  void actorNotInTheDirectory_hasNoRights() {
    Directory d = Directory.of(List.of(human("mia")));
    assertThat(violations(kiro("mia"), d, "staging", action(Verb.READ, "x.y", "payments-api")))
        .containsExactly("kiro-7 may not read x.y in staging: it is not in the directory");
  }

  @Test
  void expiredGrant_givesNoRights() {
    Grant old =
        grant(
            List.of("staging"),
            List.of("*"),
            EnumSet.of(Verb.READ),
            Instant.parse("2025-01-01T00:00:00Z"));
    ServiceIdentity bot = new ServiceIdentity("deploy-bot", List.of(old));
    Directory d = Directory.of(List.of(bot));
    assertThat(violations(bot, d, "staging", action(Verb.READ, "x.y", "api")))
        .containsExactly(
            "deploy-bot may not read x.y in staging: its grants there expired at"
                + " 2025-01-01T00:00:00Z");
  }

  @Test
  void grantExpiringExactlyNow_isNoLongerActive() {
    Grant g = grant(List.of("staging"), List.of("*"), EnumSet.of(Verb.READ), NOW);
    ServiceIdentity bot = new ServiceIdentity("bot", List.of(g));
    assertThat(
            violations(bot, Directory.of(List.of(bot)), "staging", action(Verb.READ, "x.y", "api")))
        .hasSize(1);
  }

  @Test
  void humanWithoutGrants_isUnbounded_andHumanWithGrants_isBounded() {
    Human free = human("sam");
    Human bounded =
        human("li", grant(List.of("staging"), List.of("*"), EnumSet.of(Verb.READ), LATER));
    Directory d = Directory.of(List.of(free, bounded));
    Action drop = action(Verb.DELETE, "aws_db_instance.main", "payments-db");
    assertThat(violations(free, d, "production", drop)).isEmpty();
    assertThat(violations(bounded, d, "production", drop))
        .containsExactly(
            "li may not delete aws_db_instance.main in production: their grants do not cover this"
                + " environment");
  }

  @Test
  void agentWithoutGrants_mayDoNothing() {
    Agent idle = new Agent("idle", "mia", "", List.of());
    Directory d = Directory.of(List.of(human("mia"), idle));
    assertThat(violations(idle, d, "dev", action(Verb.READ, "x.y", "api")))
        .containsExactly("idle may not read x.y in dev: its grants allow nothing");
  }

  @Test
  void actionWithoutService_standsForEveryDeclaredService() {
    Directory d = Directory.of(List.of(human("mia"), kiro("mia")));
    Action exec = new Action(Verb.EXEC, "shell", "psql -c 'select 1'", "", false, "", "");
    assertThat(
            Rights.violations(
                kiro("mia"),
                d,
                "staging",
                List.of("payments-api", "payments-db"),
                List.of(exec),
                NOW))
        .isEmpty();
    assertThat(
            Rights.violations(
                kiro("mia"), d, "staging", List.of("payments-api", "ledger"), List.of(exec), NOW))
        .containsExactly(
            "kiro-7 may not exec psql -c 'select 1' in staging: its grants there cover"
                + " services payments-api, payments-db, not service ledger");
  }

  @Test
  void actionWithoutServiceOrDeclaredServices_needsAWildcardGrant() {
    Directory d = Directory.of(List.of(human("mia"), kiro("mia")));
    Action exec = new Action(Verb.EXEC, "shell", "make deploy", "", false, "", "");
    assertThat(violations(kiro("mia"), d, "staging", exec))
        .singleElement()
        .asString()
        .endsWith("not an action with no known service (only services \"*\" covers it)");
    ServiceIdentity bot =
        new ServiceIdentity(
            "bot", List.of(grant(List.of("staging"), List.of("*"), EnumSet.of(Verb.EXEC), LATER)));
    assertThat(violations(bot, Directory.of(List.of(bot)), "staging", exec)).isEmpty();
  }

  @Test
  void noopActions_areNeverViolations() {
    Directory d = Directory.of(List.of(kiro("mia")));
    assertThat(violations(kiro("mia"), d, "production", action(Verb.NOOP, "x.y", "api"))).isEmpty();
  }

  @Test
  void intersectionOfUnions_isExactOverEveryPoint() {
    // Brute force: a point is covered by (a ∩ b) iff it is covered by a and by b.
    List<Grant> a = List.of(KIRO_STAGING, KIRO_PRODUCTION);
    List<Grant> b =
        List.of(
            grant(List.of("*"), List.of("payments-db"), EnumSet.of(Verb.DELETE, Verb.READ), LATER),
            grant(List.of("production"), List.of("*"), EnumSet.of(Verb.UPDATE, Verb.EXEC), LATER));
    List<Grant> both = GrantMath.intersect(a, b);
    List<String> mismatches = new ArrayList<>();
    for (String env : List.of("staging", "production", "dev")) {
      for (String svc : List.of("payments-api", "payments-db", "ledger", "")) {
        for (Verb v : Verb.values()) {
          boolean expected = covered(a, env, v, svc) && covered(b, env, v, svc);
          if (covered(both, env, v, svc) != expected) {
            mismatches.add(env + "/" + svc + "/" + v);
          }
        }
      }
    }
    assertThat(mismatches).isEmpty();
  }

  private static boolean covered(List<Grant> grants, String env, Verb verb, String svc) {
    return new EffectiveRights.Bounded("x", grants, "b").covers(env, verb, svc, NOW);
  }
}
