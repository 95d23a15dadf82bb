package dev.countersign.cli.remote;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code countersign approve ID}: approve a change through the server's review API. */
@Command(
    name = "approve",
    mixinStandardHelpOptions = true,
    description = {
      "Approve a change: shows what the change does, then approves exactly the digest shown.",
      "Exit codes: 0 the approval was recorded, 1 it was refused (you may not approve this change, or it changed meanwhile), 2 usage, input or connection error."
    })
public final class ApproveCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "ID", description = "the change id, e.g. ch_01J…")
  String id = "";

  @Option(names = "--comment", paramLabel = "TEXT", description = "why you approve")
  String comment = "";

  @Mixin ServerOptions server;

  @Override
  public Integer call() {
    return ReviewCall.run(server, id, "approve", comment, System.out, System.err);
  }
}
