package dev.countersign.cli;

import dev.countersign.analyze.InputLimits;
import dev.countersign.analyze.git.GitRangeAnalyzer;
import dev.countersign.digest.ChangeDigest;
import dev.countersign.model.Action;
import dev.countersign.model.Analysis;
import dev.countersign.model.Finding;
import dev.countersign.render.Views;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code countersign analyze FILE}: what a change will do. */
@Command(
    name = "analyze",
    mixinStandardHelpOptions = true,
    description = {
      "Show what a change will do: its actions, whether it is destructive or loses data, findings, and its semantic digest. FILE is a 'terraform show -json' plan or a shell command ('-' for stdin)."
    })
final class AnalyzeCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "FILE", description = "the change: a plan JSON file or a file with a shell command; '-' reads stdin")
  String file;

  @Parameters(index = "1", arity = "0..1", paramLabel = "RANGE", description = "with --kind git: the commit range A..B (FILE is then the repository); without it, FILE may be a 'git format-patch --stdout' series")
  Optional<String> range = Optional.empty();

  @Option(names = "--kind", paramLabel = "K", description = "terraform-plan, cloudformation-changeset, kubernetes, sql, shell or git; detected when left out")
  Optional<String> kind = Optional.empty();

  @Option(names = "--env", paramLabel = "ENV", description = "target environment, part of the digest (default: ${DEFAULT-VALUE})")
  String environment = "production";

  @Option(names = "--service", paramLabel = "S", description = "a service the change touches (repeatable), part of the digest")
  List<String> services = List.of();

  @Option(names = "--catalog", paramLabel = "DIR|FILE", description = "a Backstage catalog (catalog-info.yaml files or a folder of them) for the blast radius")
  Optional<Path> catalog = Optional.empty();

  @Option(names = "--json", description = "machine-readable output")
  boolean json;

  @Option(names = "--max-bytes", paramLabel = "N", description = "refuse inputs larger than this (default: ${DEFAULT-VALUE})")
  long maxBytes = InputLimits.DEFAULT_MAX_BYTES;

  @Override
  public Integer call() {
    Analysis analysis = Setup.withBlastRadius(analyzeInput(), Setup.catalog(catalog), services);
    String digest = ChangeDigest.of(analysis.kind(), environment, services, analysis.actions());
    if (json) {
      Json.printPretty(Views.analysis(analysis, digest));
    } else {
      print(analysis, digest);
      if (catalog.isPresent()) {
        BlastRadiusText.print(analysis.blastRadius(), System.out);
      }
    }
    return Main.OK;
  }

  private Analysis analyzeInput() {
    boolean git = kind.filter("git"::equals).isPresent();
    if (range.isPresent() && !git) {
      throw new InputError("a second argument (a commit range) needs --kind git");
    }
    if (git && range.isPresent()) {
      return GitRangeAnalyzer.analyze(Path.of(file), range.get(), InputLimits.defaults().withMaxBytes(maxBytes));
    }
    if (git && java.nio.file.Files.isDirectory(Path.of(file))) {
      throw new InputError("--kind git on a repository needs a commit range: analyze --kind git REPO A..B");
    }
    // Anything else, including a 'git format-patch --stdout' series, is analysed from its bytes.
    return Setup.analyzeFile(kind, file, maxBytes);
  }

  private static void print(Analysis a, String digest) {
    System.out.println("kind:        " + a.kind().wire());
    System.out.println("digest:      " + digest);
    StringBuilder summary = new StringBuilder();
    for (Map.Entry<String, Object> e : Views.summary(a).entrySet()) {
      summary.append(e.getKey()).append('=').append(e.getValue()).append(' ');
    }
    System.out.println("summary:     " + summary.toString().strip());
    System.out.println(
        "destructive: " + a.destructive() + "   data loss: " + a.dataLoss()
            + "   recreate environment: " + a.recreateEnvironment());
    for (Action x : a.actions()) {
      if (x.verb().mutating()) {
        System.out.printf("  %-8s %s%s%n", x.verb().wire(), x.address(), x.dataLoss() ? "   [data loss]" : "");
      }
    }
    for (Finding f : a.findings()) {
      System.out.println("  " + f.severity().wire() + " " + f.code() + ": " + f.message());
    }
  }
}
