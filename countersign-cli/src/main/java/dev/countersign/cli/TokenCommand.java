package dev.countersign.cli;

import dev.countersign.directory.Directory;
import dev.countersign.model.Names;
import dev.countersign.store.IssuedToken;
import dev.countersign.store.Store;
import dev.countersign.store.TokenRecord;
import dev.countersign.store.TokenScope;
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
    subcommands = {TokenCommand.Create.class, TokenCommand.ListTokens.class, TokenCommand.Revoke.class})
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
      "Create an API token for a principal of the directory and print it on the last line. Only its SHA-256 is stored: it cannot be shown again. Works while a server runs on the same data.",
      "With --env (and --service), the token is scoped to that target: an agent's hook calls act there and nowhere else, whatever the agent sends."
    })
  static final class Create implements Callable<Integer> {
    @Option(names = "--principal", required = true, paramLabel = "ID", description = "the human, agent or service the token authenticates as")
    String principal;

    @Option(names = "--label", paramLabel = "TEXT", description = "what the token is for")
    String label = "";

    @Option(names = "--org", paramLabel = "FILE", description = "the directory (default: ./org.yaml, else the bundled demo organisation)")
    Optional<Path> org = Optional.empty();

    @Option(names = "--env", paramLabel = "ENV", description = "scope the token to this environment (agents' hook calls need a scope)")
    Optional<String> environment = Optional.empty();

    @Option(names = "--service", paramLabel = "SERVICE", description = "scope the token to this service (repeat for more); needs --env")
    java.util.List<String> services = new java.util.ArrayList<>();

    @Mixin DatabaseOptions database;

    @Override
    public Integer call() {
      Optional<TokenScope> scope = scope();
      Directory directory = Setup.directory(org);
      try (Store store = Store.open(database.config())) {
        // org.yaml's principals, else an agent created through the API (countersign agent create).
        String kind =
            directory.find(principal)
                .map(p -> p.kind())
                .or(() -> store.transaction(tx -> tx.managedAgents().get(principal)).map(a -> "agent"))
                .orElseThrow(
                    () -> new InputError("'" + principal + "' is not in the directory (" + Setup.directorySource(org)
                        + ") nor an agent created with 'countersign agent create'"));
        IssuedToken token =
            store.transaction(
                tx -> {
                  IssuedToken t = scope.isPresent()
                      ? tx.tokens().create(principal, label, scope.get(), Instant.now())
                      : tx.tokens().create(principal, label, Instant.now());
                  java.util.Map<String, Object> event = new java.util.LinkedHashMap<>();
                  event.put("principal", principal);
                  event.put("kind", kind);
                  event.put("label", label);
                  scope.ifPresent(s -> {
                    event.put("environment", s.environment());
                    event.put("services", s.services());
                  });
                  tx.audit().append("token.created", principal, t.id(), Json.compact(event), Instant.now());
                  return t;
                });
        System.err.println("Token " + token.id() + " for " + kind + " '" + principal + "'"
            + scope.map(x -> ", scoped to " + x.environment() + (x.services().isEmpty() ? "" : " " + x.services())).orElse("")
            + " (shown once; store it now):");
        System.out.println(token.plaintext());
      }
      return Main.OK;
    }

    private Optional<TokenScope> scope() {
      if (environment.isEmpty()) {
        if (!services.isEmpty()) {
          throw new InputError("--service needs --env: a token's scope is one environment and its services");
        }
        return Optional.empty();
      }
      checkName("--env", environment.get());
      services.forEach(s -> checkName("--service", s));
      return Optional.of(new TokenScope(environment.get(), java.util.List.copyOf(new java.util.LinkedHashSet<>(services))));
    }

    private static void checkName(String option, String value) {
      if (!Names.valid(value)) {
        throw new InputError(option + " '" + value + "' is not a valid name (" + Names.RULE + ")");
      }
    }
  }

  /** Lists a principal's tokens, active and revoked, without any secret. */
  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "List a principal's tokens (id, state, label, created), oldest first. No secret is ever shown.")
  static final class ListTokens implements Callable<Integer> {
    @Option(names = "--principal", required = true, paramLabel = "ID", description = "whose tokens")
    String principal;

    @Mixin DatabaseOptions database;

    @Override
    public Integer call() {
      try (Store store = Store.open(database.config())) {
        java.util.List<TokenRecord> tokens = store.transaction(tx -> tx.tokens().listForPrincipal(principal));
        if (tokens.isEmpty()) {
          System.err.println("'" + principal + "' has no tokens");
        }
        for (TokenRecord t : tokens) {
          System.out.println(t.id() + "\t" + (t.active() ? "active" : "revoked " + t.revokedAt().orElseThrow()) + "\t"
              + (t.label().isEmpty() ? "-" : t.label()) + "\tcreated " + t.createdAt());
        }
      }
      return Main.OK;
    }
  }

  /**
   * Revokes a token by its id. It stops authenticating at once, on a server running on the same
   * data too (every request looks its token up; nothing is cached).
   */
  @Command(
      name = "revoke",
      mixinStandardHelpOptions = true,
      description = {
        "Revoke a token by its id (see 'token list'): every later request with it gets 401, including on a server running on the same data.",
        "A leaked agent token is revoked this way; the agent's hook calls then fail closed."
      })
  static final class Revoke implements Callable<Integer> {
    @picocli.CommandLine.Parameters(paramLabel = "TOKEN_ID", description = "the token's id, e.g. tok_...")
    String tokenId;

    @Option(names = "--reason", paramLabel = "TEXT", description = "why, for the audit log")
    String reason = "";

    @Mixin DatabaseOptions database;

    @Override
    public Integer call() {
      try (Store store = Store.open(database.config())) {
        Instant now = Instant.now();
        String outcome =
            store.transaction(
                tx -> {
                  Optional<String> owner = tx.tokens().get(tokenId).map(TokenRecord::principalId);
                  if (owner.isEmpty()) {
                    return "unknown";
                  }
                  if (!tx.tokens().revoke(tokenId, now)) {
                    return "already";
                  }
                  java.util.Map<String, Object> event = new java.util.LinkedHashMap<>();
                  event.put("principal", owner.get());
                  event.put("reason", reason);
                  tx.audit().append("token.revoked", owner.get(), tokenId, Json.compact(event), now);
                  return "revoked " + owner.get();
                });
        switch (outcome) {
          case "unknown" -> throw new InputError("no token has the id '" + tokenId + "' (see 'countersign token list --principal ID')");
          case "already" -> System.err.println("Token " + tokenId + " was already revoked; nothing changed");
          default -> System.err.println("Token " + tokenId + " of '" + outcome.substring("revoked ".length())
              + "' is revoked: it no longer authenticates");
        }
      }
      return Main.OK;
    }
  }
}
