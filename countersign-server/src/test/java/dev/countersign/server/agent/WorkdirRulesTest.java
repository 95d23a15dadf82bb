package dev.countersign.server.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WorkdirRulesTest {
  private static final WorkdirRules RULES = WorkdirRules.parse("""
      # the first match wins
      /srv/agents/shop-staging/**   environment=staging service=web
      /home/*/src/payments/**       service=payments-api service=ledger

      /home/*/src/**                service=web
      """, "rules.txt");

  @Test
  void firstMatchingRule_givesTheNarrowing_namingItsLine() {
    Narrowing n = RULES.narrowingFor("/home/mia/src/payments/api").orElseThrow();

    assertThat(n.environment()).isEmpty();
    assertThat(n.services()).containsExactly("payments-api", "ledger");
    assertThat(n.source()).isEqualTo("the server's working-directory rule /home/*/src/payments/** (rules.txt:3)");
  }

  @Test
  void doubleStarCoversTheDirectoryItself_andSingleStarOneSegment() {
    assertThat(RULES.narrowingFor("/srv/agents/shop-staging")).get().extracting(Narrowing::environment)
        .isEqualTo(Optional.of("staging"));
    assertThat(RULES.narrowingFor("/home/mia/src/web")).get().extracting(Narrowing::services).isEqualTo(List.of("web"));
    assertThat(RULES.narrowingFor("/home/mia/other/src/web")).isEmpty();
  }

  @Test
  void workingDirectoryIsNormalised_soDotDotCannotDodgeOrBorrowARule() {
    assertThat(RULES.narrowingFor("/srv/agents/shop-staging/../prod")).isEmpty();
    assertThat(RULES.narrowingFor("/srv/agents/x/../shop-staging/sub")).get().extracting(Narrowing::environment)
        .isEqualTo(Optional.of("staging"));
    assertThat(RULES.narrowingFor("//srv//agents/./shop-staging/")).isPresent();
  }

  @Test
  void unknownWorkingDirectory_andNoRules_narrowNothing() {
    assertThat(RULES.narrowingFor("")).isEmpty();
    assertThat(WorkdirRules.none().narrowingFor("/srv/agents/shop-staging")).isEmpty();
  }

  @Test
  void badRules_areRefusedNamingFileLineAndProblem() {
    assertThatThrownBy(() -> WorkdirRules.parse("srv/x environment=prod", "r.txt"))
        .hasMessage("r.txt:1: a rule starts with an absolute working-directory glob, got 'srv/x'");
    assertThatThrownBy(() -> WorkdirRules.parse("\n/srv/x", "r.txt"))
        .hasMessageContaining("r.txt:2: a rule must narrow something");
    assertThatThrownBy(() -> WorkdirRules.parse("/srv/x env=prod", "r.txt"))
        .hasMessageContaining("r.txt:1: unknown key 'env'");
    assertThatThrownBy(() -> WorkdirRules.parse("/srv/x environment=a environment=b", "r.txt"))
        .hasMessageContaining("one environment at most");
    assertThatThrownBy(() -> WorkdirRules.parse("/srv/x service=bad/name", "r.txt"))
        .hasMessageContaining("expected environment=NAME or service=NAME, got 'service=bad/name'");
  }
}
