package dev.countersign.bench;

import dev.countersign.analyze.InputLimits;
import dev.countersign.analyze.terraform.TerraformPlans;
import dev.countersign.digest.ChangeDigest;
import dev.countersign.model.Analysis;
import dev.countersign.model.ChangeKind;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Analyses one large plan file a few times, streaming from disk, and prints MB/s and peak heap: the
 * check that a 50,000-change (~185 MB) plan fits in {@code -Xmx384m}.
 *
 * <p>Usage: {@code PlanThroughput [PLAN.json] [REPEATS=3]}; a missing file is generated first with
 * {@link PlanGenerator#DEFAULT_CHANGES} changes.
 */
public final class PlanThroughput {

  private PlanThroughput() {}

  public static void main(String[] args) throws IOException {
    Path plan =
        Path.of(
            args.length > 0
                ? args[0]
                : System.getProperty("java.io.tmpdir") + "/countersign-plan-50k.json");
    int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    if (!Files.exists(plan)) {
      long start = System.nanoTime();
      long size = PlanGenerator.write(plan, PlanGenerator.DEFAULT_CHANGES, 1);
      System.out.printf(
          "generated %s (%,d bytes) in %.1f s%n", plan, size, (System.nanoTime() - start) / 1e9);
    }
    long bytes = Files.size(plan);
    List<MemoryPoolMXBean> heap =
        ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP)
            .toList();
    heap.forEach(MemoryPoolMXBean::resetPeakUsage);
    System.out.printf(
        "plan %s: %,d bytes; max heap %,d MB; %s%n",
        plan,
        bytes,
        Runtime.getRuntime().maxMemory() >> 20,
        System.getProperty("java.vm.name") + " " + Runtime.version());
    for (int i = 1; i <= repeats; i++) {
      long start = System.nanoTime();
      Analysis analysis = analyze(plan);
      String digest =
          ChangeDigest.of(ChangeKind.TERRAFORM_PLAN, "production", List.of(), analysis.actions());
      double seconds = (System.nanoTime() - start) / 1e9;
      System.out.printf(
          "run %d: %,d actions %s, %d findings, digest %s..., %.2f s, %.1f MB/s%n",
          i,
          analysis.actions().size(),
          analysis.summary(),
          analysis.findings().size(),
          digest.substring(0, 19),
          seconds,
          bytes / 1e6 / seconds);
    }
    long peakSum = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    System.out.printf("peak heap (sum of per-pool peaks, an upper bound): %,d MB%n", peakSum >> 20);
    heap.forEach(
        p ->
            System.out.printf(
                "  %-24s peak %,d MB%n", p.getName(), p.getPeakUsage().getUsed() >> 20));
  }

  private static Analysis analyze(Path plan) {
    try (InputStream in = new BufferedInputStream(Files.newInputStream(plan), 1 << 16)) {
      return TerraformPlans.analyzer().analyze(in, InputLimits.defaults());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
