package dev.countersign.cli;

import dev.countersign.analyze.AnalysisException;
import dev.countersign.config.yaml.ConfigException;
import dev.countersign.policy.PolicyException;
import dev.countersign.store.StoreException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import picocli.CommandLine;

/** Turns the typed errors of every layer into one clear line on stderr and exit code 2. */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {
  @Override
  public int handleExecutionException(
      Exception e, CommandLine cli, CommandLine.ParseResult parseResult) {
    String message =
        switch (e) {
          case InputError x -> x.getMessage();
          case AnalysisException x -> "invalid input: " + x.getMessage();
          case ConfigException x -> x.getMessage();
          case PolicyException x -> "policy error: " + x.getMessage();
          case StoreException x -> "database error: " + x.getMessage();
          case UncheckedIOException x when x.getCause() instanceof NoSuchFileException n ->
              "no such file: " + n.getFile();
          case UncheckedIOException x -> "cannot read: " + x.getCause().getMessage();
          default -> null;
        };
    if (message == null) {
      cli.getErr().println("countersign: internal error: " + e);
      e.printStackTrace(cli.getErr());
      return Main.INPUT_ERROR;
    }
    cli.getErr().println("countersign: " + message);
    return Main.INPUT_ERROR;
  }
}
