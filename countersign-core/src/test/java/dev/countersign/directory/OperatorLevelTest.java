package dev.countersign.directory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.model.Verb;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OperatorLevelTest {
  private static final Instant LATER = Instant.parse("2027-06-30T00:00:00Z");
  private static final Set<Verb> MUTATING =
      EnumSet.of(Verb.CREATE, Verb.UPDATE, Verb.DELETE, Verb.REPLACE, Verb.EXEC);

  private static Grant grant(List<String> envs, Set<Verb> verbs) {
    return new Grant(envs, List.of("payments-api"), verbs, LATER);
  }

  @Test
  void everyMutatingVerbInProduction_isOperatorLevel() {
    assertThat(OperatorLevel.check(grant(List.of("staging", "production"), MUTATING)))
        .get()
        .asString()
        .startsWith("operator-level grant refused: it covers production");
  }

  @Test
  void allSevenVerbsInEveryEnvironment_isOperatorLevel() {
    assertThat(OperatorLevel.isOperatorLevel(grant(List.of("*"), EnumSet.allOf(Verb.class))))
        .isTrue();
  }

  @Test
  void prodAlias_countsAsProduction() {
    assertThat(OperatorLevel.isOperatorLevel(grant(List.of("prod"), MUTATING))).isTrue();
  }

  @Test
  void productionWithoutDelete_isNotOperatorLevel() {
    Set<Verb> noDelete = EnumSet.copyOf(MUTATING);
    noDelete.remove(Verb.DELETE);
    assertThat(OperatorLevel.check(grant(List.of("production"), noDelete))).isEmpty();
  }

  @Test
  void everyVerbOutsideProduction_isNotOperatorLevel() {
    assertThat(OperatorLevel.check(grant(List.of("staging", "dev"), EnumSet.allOf(Verb.class))))
        .isEmpty();
  }
}
