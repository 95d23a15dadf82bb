package dev.countersign.bench;

import dev.countersign.catalog.BlastRadii;
import dev.countersign.catalog.CatalogGraph;
import dev.countersign.catalog.Reach;
import dev.countersign.model.BlastRadius;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * The service catalog at scale (issue 3): a generated graph of 1,000,000 entities and 4,000,000
 * dependency edges ({@link CatalogGenerator}, seed 42). {@code load} builds the graph from plain
 * arrays (references validated, owners interned, compressed rows, both hash indexes, the duplicate
 * check); {@code reachFromHub} is the breadth-first search from the first hub (entity 0); {@code
 * blastRadiusFromHub} is the whole {@code BlastRadii.compute} by service name, with one {@code
 * ServiceImpact} per reached entity; {@code blastRadiusFromTypical} the same from an entity in the
 * middle of the catalog. Targets: load ≤ 1 s, blast radius from a hub ≤ 100 ms.
 *
 * <p>Run: {@code java -jar countersign-bench/target/benchmarks.jar CatalogBenchmark}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx3g"})
@State(Scope.Benchmark)
public class CatalogBenchmark {
  /** Entities in the generated catalog. */
  @Param({"1000000"})
  public int nodes;

  /** Dependencies per entity. */
  @Param({"4"})
  public int edgesPerNode;

  private CatalogGenerator generated;
  private CatalogGraph graph;
  private String hub;
  private String typical;

  @Setup(Level.Trial)
  public void generate() {
    generated = new CatalogGenerator(nodes, edgesPerNode, 42);
    graph = generated.load();
    hub = generated.name(0);
    typical = generated.name(nodes / 2);
    Reach reach = graph.dependents(0);
    System.out.printf(
        "%ncatalog: %,d entities, %,d impact edges; the hub %s reaches %,d entities; %s reaches %,d%n",
        graph.size(), graph.edgeCount(), hub, reach.size(), typical,
        graph.dependents(graph.named(typical)[0]).size());
  }

  /** Builds the graph of a million entities from arrays. */
  @Benchmark
  public CatalogGraph load() {
    return generated.load();
  }

  /** The breadth-first search alone, from the first hub. */
  @Benchmark
  public Reach reachFromHub() {
    return graph.dependents(0);
  }

  /** The blast radius of a change to the first hub, as the analysis gets it. */
  @Benchmark
  public BlastRadius blastRadiusFromHub() {
    return BlastRadii.compute(graph, List.of(hub), List.of());
  }

  /** The blast radius of a change to an entity in the middle of the catalog. */
  @Benchmark
  public BlastRadius blastRadiusFromTypical() {
    return BlastRadii.compute(graph, List.of(typical), List.of());
  }
}
