package dev.countersign.cli;

import dev.countersign.config.policy.PolicyTestReport;
import dev.countersign.config.policy.PolicyTestRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code countersign policy ...}: work with policy directories. */
@Command(
    name = "policy",
    mixinStandardHelpOptions = true,
    description = "Work with policy directories.",
    subcommands = {PolicyCommand.Test.class})
final class PolicyCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  /** {@code countersign policy test DIR}: runs the *_test.yaml cases, like {@code opa test}. */
  @Command(
      name = "test",
      mixinStandardHelpOptions = true,
      description = {
      "Compile the policies in DIR and run the test cases in its *_test.yaml files. Exit 0 all pass, 1 a test failed, 2 a file is invalid."
    })
  static final class Test implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "DIR", description = "policy directory; 'default' for the bundled default pack")
    String dir;

    @Option(names = "--org", paramLabel = "FILE", description = "directory for tests that do not carry an inline org")
    Optional<Path> org = Optional.empty();

    @Override
    public Integer call() {
      Path path = dir.equals("default") && !Files.isDirectory(Path.of(dir)) ? Setup.bundledDir(Setup.BUNDLED_POLICY) : Path.of(dir);
      if (!Files.isDirectory(path)) {
        throw new InputError("no such policy directory: " + dir);
      }
      PolicyTestReport report = PolicyTestRunner.create().run(path, org);
      System.out.print(report.render());
      return report.exitCode();
    }
  }
}
