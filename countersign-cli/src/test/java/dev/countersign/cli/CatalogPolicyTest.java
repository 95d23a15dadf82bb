package dev.countersign.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.analyze.InputLimits;
import dev.countersign.catalog.CatalogGraph;
import dev.countersign.config.policy.LoadedPolicy;
import dev.countersign.digest.ChangeDigest;
import dev.countersign.directory.Directory;
import dev.countersign.directory.Human;
import dev.countersign.model.Analysis;
import dev.countersign.model.Change;
import dev.countersign.policy.Decision;
import dev.countersign.policy.DecisionInput;
import dev.countersign.policy.EngineConfig;
import dev.countersign.policy.Outcome;
import dev.countersign.policy.Requirement;
import dev.countersign.policy.Review;
import dev.countersign.policy.Verdict;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The default pack with real catalog data, end to end through the CLI's own wiring: the demo org,
 * the demo catalog (CatalogCliTest), and reviews, to see who the catalog makes eligible.
 *
 * <p>mia (mid, payments; not AI-assisted) deletes the payments Deployment in production. The
 * catalog maps namespace {@code payments} to payments-api (owner payments), and edge-gateway
 * (platform, tier 1) depends on it: two payments seniors must approve the destructive change, and a
 * platform member the wide blast radius.
 */
class CatalogPolicyTest {
  private static final Instant NOW = Instant.parse("2026-05-01T10:00:00Z");
  private final Directory directory = Setup.directory(Optional.of(Path.of("../org.yaml")));
  private final LoadedPolicy policy = Setup.policy(Optional.of(Path.of("../policies/default")));

  private Decision decide(Optional<CatalogGraph> catalog, String... approvers) {
    byte[] command = "kubectl delete deployment api -n payments".getBytes(StandardCharsets.UTF_8);
    Analysis analysis =
        Setup.withBlastRadius(Setup.analyze(Optional.of("shell"), command, InputLimits.DEFAULT_MAX_BYTES), catalog, List.of());
    String digest = ChangeDigest.of(analysis.kind(), "production", List.of(), analysis.actions());
    Human mia = directory.human("mia").orElseThrow();
    Change change = new Change("ch_1", analysis.kind(), "production", List.of(), "mia", "", false, "", digest);
    DecisionInput input = new DecisionInput(change, analysis, mia, Optional.empty(), mia, NOW, policy.freezes());
    List<Review> reviews =
        List.of(approvers).stream().map(id -> new Review(id, Verdict.APPROVE, digest, "", NOW.minusSeconds(60))).toList();
    return policy.engine(EngineConfig.defaults()).decide(input, reviews, directory);
  }

  private static Optional<CatalogGraph> catalog() {
    return Setup.catalog(Optional.of(Path.of(CatalogCliTest.CATALOG)));
  }

  private static Map<String, Requirement> byRule(Decision d) {
    return d.requirements().stream().collect(Collectors.toMap(Requirement::rule, Function.identity()));
  }

  @Test
  void withTheCatalog_platformSeniorsDoNotCountForTheDestructiveChangeOfPayments() {
    Decision d = decide(catalog(), "ana", "li");
    assertThat(d.outcome()).isEqualTo(Outcome.NEEDS_APPROVAL);
    assertThat(byRule(d).get("destructive-production-needs-two-seniors").approvedBy()).isEmpty();
    assertThat(byRule(d).get("wide-blast-radius").satisfied()).isTrue();
  }

  @Test
  void withTheCatalog_twoPaymentsSeniorsAndOnePlatformMember_letItPass() {
    Decision d = decide(catalog(), "sam", "priya", "ravi");
    assertThat(d.outcome()).as(d.reasons().toString()).isEqualTo(Outcome.ALLOW);
    assertThat(byRule(d).get("destructive-production-needs-two-seniors").approvedBy()).containsExactlyInAnyOrder("sam", "priya");
    assertThat(byRule(d).get("wide-blast-radius").approvedBy()).containsExactly("ravi");
  }

  @Test
  void withTheCatalog_thePaymentsSeniorsAloneLeaveTheWideBlastRadiusOpen() {
    Decision d = decide(catalog(), "sam", "priya");
    assertThat(d.outcome()).isEqualTo(Outcome.NEEDS_APPROVAL);
    assertThat(d.outstanding()).extracting(Requirement::rule).containsExactly("wide-blast-radius");
  }

  @Test
  void withoutTheCatalog_anyTwoSeniorsWillDo_andNoOtherTeamIsAsked() {
    Decision d = decide(Optional.empty(), "ana", "li");
    assertThat(d.outcome()).as(d.reasons().toString()).isEqualTo(Outcome.ALLOW);
    assertThat(byRule(d)).doesNotContainKey("wide-blast-radius");
  }
}
