package dev.countersign.cli;

import dev.countersign.analyze.InputLimits;
import dev.countersign.config.policy.LoadedPolicy;
import dev.countersign.digest.ChangeDigest;
import dev.countersign.directory.Agent;
import dev.countersign.directory.Directory;
import dev.countersign.directory.Human;
import dev.countersign.directory.Principal;
import dev.countersign.model.Analysis;
import dev.countersign.model.Change;
import dev.countersign.policy.Decision;
import dev.countersign.policy.DecisionInput;
import dev.countersign.policy.EngineConfig;
import dev.countersign.policy.MatchedRule;
import dev.countersign.policy.Outcome;
import dev.countersign.policy.Requirement;
import dev.countersign.render.Views;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code countersign check FILE ...}: the offline policy decision for a change. */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description = {
      "Decide a change offline against the policy: allow, deny or needs_approval, with the rules that matched and why. Exit 0 allow, 1 deny or needs_approval, 2 input error."
    })
final class CheckCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "FILE", description = "the change ('-' reads stdin)")
  String file;

  @Option(names = "--kind", paramLabel = "K", description = "terraform-plan, cloudformation-changeset, kubernetes, sql, shell or git; detected when left out")
  Optional<String> kind = Optional.empty();

  @Option(names = "--author", required = true, paramLabel = "ID", description = "the accountable human (the agent's sponsor when --agent is given)")
  String author;

  @Option(names = "--agent", paramLabel = "ID", description = "the agent that produced or runs the change")
  Optional<String> agent = Optional.empty();

  @Option(names = "--ai-assisted", description = "an AI produced the change (implied by --agent)")
  boolean aiAssisted;

  @Option(names = "--env", required = true, paramLabel = "ENV", description = "target environment, e.g. production")
  String environment;

  @Option(names = "--service", paramLabel = "S", description = "a service the change touches (repeatable)")
  List<String> services = List.of();

  @Option(names = "--title", paramLabel = "TEXT", description = "a short title")
  String title = "";

  @Option(names = "--org", paramLabel = "FILE", description = "the directory (default: ./org.yaml, else the bundled demo organisation)")
  Optional<Path> org = Optional.empty();

  @Option(names = "--policy", paramLabel = "DIR", description = "policy directory (default: the bundled default pack)")
  Optional<Path> policyDir = Optional.empty();

  @Option(names = "--catalog", paramLabel = "DIR|FILE", description = "a Backstage catalog (catalog-info.yaml files or a folder of them): the blast radius that policies see")
  Optional<Path> catalog = Optional.empty();

  @Option(names = "--json", description = "machine-readable output")
  boolean json;

  @Option(names = "--max-bytes", paramLabel = "N", description = "refuse inputs larger than this (default: ${DEFAULT-VALUE})")
  long maxBytes = InputLimits.DEFAULT_MAX_BYTES;

  @Override
  public Integer call() {
    Directory directory = Setup.directory(org);
    LoadedPolicy policy = Setup.policy(policyDir);
    Human human =
        directory.human(author).orElseThrow(() -> new InputError("--author '" + author + "' is not a human in the directory"));
    Optional<Agent> agentPrincipal = Optional.empty();
    if (agent.isPresent()) {
      Agent a =
          directory.agent(agent.get())
              .orElseThrow(() -> new InputError("--agent '" + agent.get() + "' is not an agent in the directory"));
      if (!a.sponsor().equals(human.id())) {
        throw new InputError(
            "--author must be the agent's sponsor: " + a.id() + " is sponsored by " + a.sponsor() + ", not " + human.id());
      }
      agentPrincipal = Optional.of(a);
    }
    Analysis analysis = Setup.withBlastRadius(Setup.analyzeFile(kind, file, maxBytes), Setup.catalog(catalog), services);
    String digest = ChangeDigest.of(analysis.kind(), environment, services, analysis.actions());
    Change change =
        new Change("", analysis.kind(), environment, services, human.id(), agent.orElse(""), aiAssisted, title, digest);
    Principal actor = agentPrincipal.<Principal>map(a -> a).orElse(human);
    DecisionInput input =
        new DecisionInput(change, analysis, human, agentPrincipal, actor, Instant.now(), policy.freezes());
    Decision decision = policy.engine(EngineConfig.defaults()).decide(input, List.of(), directory);
    if (json) {
      System.out.println(Json.pretty(Views.decision(decision)));
    } else {
      print(decision);
      if (catalog.isPresent()) {
        BlastRadiusText.print(analysis.blastRadius(), System.out);
      }
    }
    return decision.outcome() == Outcome.ALLOW ? Main.OK : Main.NO;
  }

  private static void print(Decision d) {
    System.out.println("decision: " + d.outcome().wire());
    System.out.println("digest:   " + d.changeDigest());
    for (MatchedRule m : d.matched()) {
      System.out.println("  matched " + m.rule() + " (" + m.effect().wire() + ", " + m.enforcement().wire() + "): " + m.message());
    }
    for (Requirement r : d.outstanding()) {
      System.out.println("  needs " + r.missing() + " approval(s) from " + r.eligible() + " [" + r.rule() + "]");
    }
    for (String reason : d.reasons()) {
      System.out.println("  - " + reason);
    }
  }
}
