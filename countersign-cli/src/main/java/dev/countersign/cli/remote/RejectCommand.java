package dev.countersign.cli.remote;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code countersign reject ID}: reject a change through the server's review API. */
@Command(
    name = "reject",
    mixinStandardHelpOptions = true,
    description = {
      "Reject a change: shows what the change does, then rejects the digest shown. A reject from an eligible reviewer blocks the change.",
      "Exit codes: 0 the reject was recorded, 1 it was refused, 2 usage, input or connection error."
    })
public final class RejectCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "ID", description = "the change id, e.g. ch_01J…")
  String id = "";

  @Option(names = "--comment", paramLabel = "TEXT", description = "why you reject (the agent is told)")
  String comment = "";

  @Mixin ServerOptions server;

  @Override
  public Integer call() {
    return ReviewCall.run(server, id, "reject", comment, System.out, System.err);
  }
}
