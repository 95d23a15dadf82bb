package dev.countersign.bench;

import dev.countersign.analyze.InputLimits;
import dev.countersign.analyze.terraform.TerraformPlans;
import dev.countersign.model.Analysis;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Full analysis of a generated Terraform plan (decode, parse, one tree per resource change,
 * canonical JSON, SHA-256 per action, findings). The {@code megabytes} counter is MB analysed per
 * second. Run: {@code java -jar countersign-bench/target/benchmarks.jar
 * TerraformAnalysisBenchmark}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx384m"})
@State(Scope.Benchmark)
public class TerraformAnalysisBenchmark {

  /** Resource changes in the generated plan (about 3.8 KB each). */
  @Param({"2000"})
  public int changes;

  private Path plan;
  private byte[] bytes;

  /** Bytes analysed, reported by JMH as a rate. */
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  @State(Scope.Thread)
  public static class Volume {
    /** Megabytes analysed. */
    public double megabytes;
  }

  @Setup(Level.Trial)
  public void generate() throws IOException {
    plan = Files.createTempFile("countersign-bench-plan", ".json");
    PlanGenerator.write(plan, changes, 1);
    bytes = Files.readAllBytes(plan);
  }

  @TearDown(Level.Trial)
  public void delete() throws IOException {
    Files.deleteIfExists(plan);
  }

  /** Streams the plan from the file system, as the CLI does. */
  @Benchmark
  public Analysis analyzeFile(Volume volume) throws IOException {
    try (InputStream in = new BufferedInputStream(Files.newInputStream(plan), 1 << 16)) {
      Analysis analysis = TerraformPlans.analyzer().analyze(in, InputLimits.defaults());
      volume.megabytes += bytes.length / 1e6;
      return analysis;
    }
  }

  /** Analyses the plan from memory, as the server does with a request body. */
  @Benchmark
  public Analysis analyzeBytes(Volume volume) {
    Analysis analysis = TerraformPlans.analyzer().analyze(bytes, InputLimits.defaults());
    volume.megabytes += bytes.length / 1e6;
    return analysis;
  }
}
