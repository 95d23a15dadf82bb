package dev.countersign.analyze.terraform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.countersign.analyze.AnalysisException;
import dev.countersign.analyze.Analyzers;
import dev.countersign.analyze.InputLimits;
import dev.countersign.digest.ChangeDigest;
import dev.countersign.model.Analysis;
import dev.countersign.model.ChangeKind;
import dev.countersign.model.Finding;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Seeded random properties over the corpus: layout never moves the digest, any change to what will
 * happen always does, and any bytes give an analysis or an AnalysisException. The seed is printed
 * and named in every failure; rerun one with {@code -Dcountersign.seed=N}.
 */
class PlanDigestPropertiesTest {

  private static final List<List<String>> ACTION_LISTS =
      List.of(
          List.of("no-op"),
          List.of("create"),
          List.of("read"),
          List.of("update"),
          List.of("delete"),
          List.of("delete", "create"),
          List.of("create", "delete"),
          List.of("forget"),
          List.of("create", "forget"));

  private long seed;
  private Random random;

  @BeforeEach
  void seed() {
    seed = Long.getLong("countersign.seed", System.nanoTime());
    System.out.println(getClass().getSimpleName() + " seed=" + seed);
    random = new Random(seed);
  }

  @Test
  void reorderingReindentingReencodingAndRetimestamping_keepTheDigest() {
    for (String file : Corpus.validFiles()) {
      Analysis original = analyze(Corpus.bytes(file));
      for (int i = 0; i < 3; i++) {
        Map<String, Object> plan = RandomJson.read(Corpus.bytes(file));
        if (plan.get("resource_changes") instanceof List<?> changes) {
          List<Object> shuffled = new ArrayList<>(changes);
          Collections.shuffle(shuffled, random);
          plan.put("resource_changes", shuffled);
        }
        plan.put(
            "timestamp",
            "20" + (10 + random.nextInt(30)) + "-01-0" + (1 + random.nextInt(9)) + "T00:00:00Z");
        plan.put("terraform_version", "1." + random.nextInt(20) + ".0");
        if (random.nextBoolean()) {
          plan.remove("configuration");
          plan.remove("prior_state");
        } else {
          plan.computeIfPresent("prior_state", (k, v) -> Map.of("format_version", "9.9"));
        }
        byte[] variant = RandomJson.encode(RandomJson.write(plan, random), random);
        Analysis changed = analyze(variant);
        assertThat(digest(changed))
            .as("seed=%d file=%s variant=%d", seed, file, i)
            .isEqualTo(digest(original));
        assertThat(codes(changed))
            .as("seed=%d file=%s", seed, file)
            .containsExactlyInAnyOrderElementsOf(codes(original));
      }
    }
  }

  @Test
  void changingOneActionListOrOneValue_changesTheDigest() {
    List<String> withChanges =
        Corpus.validFiles().stream()
            .filter(
                f ->
                    RandomJson.read(Corpus.bytes(f)).get("resource_changes") instanceof List<?> l
                        && !l.isEmpty())
            .toList();
    Map<String, String> baseline = new java.util.HashMap<>();
    for (int i = 0; i < 300; i++) {
      String file = withChanges.get(random.nextInt(withChanges.size()));
      Map<String, Object> plan = RandomJson.read(Corpus.bytes(file));
      String before = baseline.computeIfAbsent(file, f -> digest(analyze(Corpus.bytes(f))));
      String what = mutateOne(plan);
      String after =
          digest(analyze(RandomJson.write(plan, random).getBytes(StandardCharsets.UTF_8)));
      assertThat(after).as("seed=%d file=%s mutation=%s", seed, file, what).isNotEqualTo(before);
    }
  }

  @Test
  void randomByteMutations_giveAnAnalysisOrAnAnalysisException() {
    List<String> files = Corpus.files();
    for (int i = 0; i < 3000; i++) {
      String file = files.get(random.nextInt(files.size()));
      byte[] bytes = Corpus.bytes(file);
      if (bytes.length > 20_000 && random.nextInt(8) != 0) {
        continue; // mostly small files, to keep the run short
      }
      byte[] mutated = dev.countersign.analyze.SeededMutations.mutate(bytes, random);
      for (Runnable run :
          List.<Runnable>of(
              () -> TerraformPlans.analyzer().analyze(mutated, InputLimits.defaults()),
              () -> Analyzers.standard().analyze(mutated, InputLimits.defaults()))) {
        try {
          run.run();
        } catch (AnalysisException expected) {
          assertThat(expected.getMessage()).isNotBlank();
        } catch (RuntimeException | StackOverflowError e) {
          fail("seed=" + seed + " iteration=" + i + " file=" + file + ": " + e, e);
        }
      }
    }
  }

  /** Changes one action list or one leaf of before/after of one resource change; says which. */
  @SuppressWarnings("unchecked")
  private String mutateOne(Map<String, Object> plan) {
    List<Object> changes = (List<Object>) plan.get("resource_changes");
    Map<String, Object> rc = (Map<String, Object>) changes.get(random.nextInt(changes.size()));
    Map<String, Object> change = (Map<String, Object>) rc.get("change");
    List<Leaf> leaves = new ArrayList<>();
    collect(change.get("before"), leaves);
    collect(change.get("after"), leaves);
    if (leaves.isEmpty() || random.nextBoolean()) {
      List<String> current = (List<String>) change.get("actions");
      List<String> other;
      do {
        other = ACTION_LISTS.get(random.nextInt(ACTION_LISTS.size()));
      } while (other.equals(current));
      change.put("actions", other);
      return rc.get("address") + " actions " + current + " -> " + other;
    }
    Leaf leaf = leaves.get(random.nextInt(leaves.size()));
    Object old = leaf.get();
    Object replacement =
        switch (old) {
          case null -> "mutated";
          case String s -> s + "x";
          case Boolean b -> !b;
          case Integer n -> n + 1L;
          case Long n -> n + 1;
          case BigInteger n -> n.add(BigInteger.ONE);
          case BigDecimal n -> n.add(BigDecimal.ONE);
          default -> "mutated";
        };
    leaf.set(replacement);
    return rc.get("address") + " value " + old + " -> " + replacement;
  }

  @SuppressWarnings("unchecked")
  private static void collect(Object value, List<Leaf> leaves) {
    if (value instanceof Map<?, ?> map) {
      for (Object key : map.keySet()) {
        Object v = map.get(key);
        if (v instanceof Map<?, ?> || v instanceof List<?>) {
          collect(v, leaves);
        } else {
          leaves.add(new Leaf((Map<Object, Object>) map, null, key, -1));
        }
      }
    } else if (value instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        Object v = list.get(i);
        if (v instanceof Map<?, ?> || v instanceof List<?>) {
          collect(v, leaves);
        } else {
          leaves.add(new Leaf(null, (List<Object>) list, null, i));
        }
      }
    }
  }

  /** A place in a tree holding a scalar. */
  private record Leaf(Map<Object, Object> map, List<Object> list, Object key, int index) {
    Object get() {
      return map != null ? map.get(key) : list.get(index);
    }

    void set(Object value) {
      if (map != null) {
        map.put(key, value);
      } else {
        list.set(index, value);
      }
    }
  }

  private static Analysis analyze(byte[] plan) {
    return TerraformPlans.analyzer().analyze(plan, InputLimits.defaults());
  }

  private static String digest(Analysis analysis) {
    return ChangeDigest.of(
        ChangeKind.TERRAFORM_PLAN, "production", List.of("payments"), analysis.actions());
  }

  private static List<String> codes(Analysis analysis) {
    return analysis.findings().stream().map(Finding::code).toList();
  }
}
