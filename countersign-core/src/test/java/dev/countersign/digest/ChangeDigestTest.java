package dev.countersign.digest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.model.Action;
import dev.countersign.model.ChangeKind;
import dev.countersign.model.Verb;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ChangeDigestTest {

  private static Action action(Verb verb, String address, String hash) {
    return new Action(verb, "aws_instance", address, "", false, "because", hash);
  }

  @Test
  void actionOrderAndServiceOrderDoNotChangeTheDigest() {
    long seed = new Random().nextLong();
    Random random = new Random(seed);
    List<Action> actions = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      actions.add(action(Verb.values()[random.nextInt(Verb.values().length)], "r." + i, "h" + i));
    }
    String base = ChangeDigest.of(ChangeKind.TERRAFORM_PLAN, "production", List.of("a", "b"), actions);
    for (int round = 0; round < 100; round++) {
      List<Action> shuffled = new ArrayList<>(actions);
      Collections.shuffle(shuffled, random);
      assertThat(ChangeDigest.of(ChangeKind.TERRAFORM_PLAN, "production", List.of("b", "a"), shuffled))
          .as("seed=%d round=%d", seed, round)
          .isEqualTo(base);
    }
  }

  @Test
  void anyDifferenceInWhatWillHappenChangesTheDigest() {
    List<Action> actions = List.of(action(Verb.UPDATE, "r.1", "h1"), action(Verb.CREATE, "r.2", "h2"));
    String base = ChangeDigest.of(ChangeKind.TERRAFORM_PLAN, "production", List.of("a"), actions);
    assertThat(ChangeDigest.of(ChangeKind.TERRAFORM_PLAN, "staging", List.of("a"), actions)).isNotEqualTo(base);
    assertThat(ChangeDigest.of(ChangeKind.TERRAFORM_PLAN, "production", List.of("b"), actions)).isNotEqualTo(base);
    assertThat(ChangeDigest.of(ChangeKind.SHELL, "production", List.of("a"), actions)).isNotEqualTo(base);
    assertThat(
            ChangeDigest.of(
                ChangeKind.TERRAFORM_PLAN,
                "production",
                List.of("a"),
                List.of(action(Verb.DELETE, "r.1", "h1"), action(Verb.CREATE, "r.2", "h2"))))
        .isNotEqualTo(base);
    assertThat(
            ChangeDigest.of(
                ChangeKind.TERRAFORM_PLAN,
                "production",
                List.of("a"),
                List.of(action(Verb.UPDATE, "r.1", "h1-changed"), action(Verb.CREATE, "r.2", "h2"))))
        .isNotEqualTo(base);
    assertThat(
            ChangeDigest.of(
                ChangeKind.TERRAFORM_PLAN,
                "production",
                List.of("a"),
                List.of(action(Verb.UPDATE, "r.1", "h1"), action(Verb.CREATE, "r.2", "h2"), action(Verb.CREATE, "r.2", "h2"))))
        .as("an action repeated is another change")
        .isNotEqualTo(base);
  }

  @Test
  void digestHasTheSha256Prefix() {
    assertThat(ChangeDigest.of(ChangeKind.SHELL, "dev", List.of(), List.of())).matches("sha256:[0-9a-f]{64}");
  }
}
