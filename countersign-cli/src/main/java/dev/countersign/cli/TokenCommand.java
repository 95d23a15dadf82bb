package dev.countersign.cli;

import dev.countersign.directory.Directory;
import dev.countersign.store.IssuedToken;
import dev.countersign.store.Store;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code countersign token ...}: API tokens. */
@Command(
    name = "token",
    mixinStandardHelpOptions = true,
    description = "Manage API tokens.",
    subcommands = {TokenCommand.Create.class})
final class TokenCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  /** Creates a token; the plaintext is printed once, on the last line, and only its hash is stored. */
  @Command(
      name = "create",
      mixinStandardHelpOptions = true,
      description = {
      "Create an API token for a principal of the directory and print it on the last line. Only its SHA-256 is stored: it cannot be shown again. Works while a server runs on the same data."
    })
  static final class Create implements Callable<Integer> {
    @Option(names = "--principal", required = true, paramLabel = "ID", description = "the human, agent or service the token authenticates as")
    String principal;

    @Option(names = "--label", paramLabel = "TEXT", description = "what the token is for")
    String label = "";

    @Option(names = "--org", paramLabel = "FILE", description = "the directory (default: ./org.yaml, else the bundled demo organisation)")
    Optional<Path> org = Optional.empty();

    @Mixin DatabaseOptions database;

    @Override
    public Integer call() {
      Directory directory = Setup.directory(org);
      String kind =
          directory.find(principal)
              .map(p -> p.kind())
              .orElseThrow(
                  () -> new InputError("'" + principal + "' is not in the directory (" + Setup.directorySource(org) + ")"));
      try (Store store = Store.open(database.config())) {
        IssuedToken token =
            store.transaction(
                tx -> {
                  IssuedToken t = tx.tokens().create(principal, label, Instant.now());
                  tx.audit().append("token.created", principal, t.id(), Json.compact(java.util.Map.of("principal", principal, "kind", kind, "label", label)), Instant.now());
                  return t;
                });
        System.err.println("Token " + token.id() + " for " + kind + " '" + principal + "' (shown once; store it now):");
        System.out.println(token.plaintext());
      }
      return Main.OK;
    }
  }
}
