package dev.countersign.cli.remote;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.countersign.cli.InputError;
import dev.countersign.cli.Main;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code countersign agent ...}: agents, their grants and elevations, through the server's API. */
@Command(
    name = "agent",
    mixinStandardHelpOptions = true,
    description = {
      "Manage agents through the server: create an agent for a sponsor, grant and revoke its rights, list agents; an agent asks for a just-in-time elevation that a senior (not its sponsor) approves.",
      "Effective rights are always the agent's grants ∩ its sponsor's rights, checked on every decision.",
      "Exit codes: 0 done, 1 refused (forbidden, conflict, not found), 2 usage, input or connection error."
    },
    subcommands = {
      AgentCommand.Create.class,
      AgentCommand.GrantCmd.class,
      AgentCommand.Revoke.class,
      AgentCommand.ListCmd.class,
      AgentCommand.Elevate.class,
      AgentCommand.ApproveElevation.class
    })
public final class AgentCommand implements Runnable {
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
  private static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  /** Options every subcommand shares. */
  static final class Common {
    @Mixin ServerOptions server;

    @Option(names = "--json", description = "print the server's JSON answer")
    boolean json;
  }

  /** {@code agent create ID --sponsor HUMAN --model MODEL}. */
  @Command(name = "create", mixinStandardHelpOptions = true,
      description = "Create an agent for a sponsor (you, or anyone if you are senior or above). It has no rights until granted some.")
  static final class Create implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "ID", description = "the new agent's id (not already in org.yaml)")
    String id = "";

    @Option(names = "--sponsor", required = true, paramLabel = "HUMAN", description = "the human the agent acts for")
    String sponsor = "";

    @Option(names = "--model", required = true, paramLabel = "MODEL", description = "the model it runs, e.g. anthropic/claude-sonnet-4")
    String model = "";

    @Mixin Common common;

    @Override
    public Integer call() {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("id", id(id));
      body.put("sponsor", sponsor);
      body.put("model", model);
      return finish(common, api(common).post("/v1/agents", body), 201, a -> {
        out().println("Created agent " + a.path("id").asText() + " (sponsor " + a.path("sponsor").asText()
            + ", model " + a.path("model").asText() + "). It has no rights until granted some:");
        out().println("  countersign agent grant " + a.path("id").asText()
            + " --env staging --service SERVICE --verb read --expires 2026-12-31T00:00:00Z --reason WHY");
      });
    }
  }

  /** Where and what a grant or an elevation covers: the options both share. */
  static final class Scope {
    @Option(names = "--env", required = true, paramLabel = "ENV", description = "an environment, or '*' (repeat for more)")
    List<String> environments = new ArrayList<>();

    @Option(names = "--service", required = true, paramLabel = "SERVICE", description = "a service, or '*' (repeat for more)")
    List<String> services = new ArrayList<>();

    @Option(names = "--verb", required = true, paramLabel = "VERB", split = ",", description = "create, read, update, delete, replace, noop, exec (repeat or comma-separate)")
    List<String> verbs = new ArrayList<>();

    /** The request body's scope fields, in the API's order. */
    Map<String, Object> body() {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("environments", environments);
      body.put("services", services);
      body.put("verbs", verbs);
      return body;
    }
  }

  /** {@code agent grant ID --env E --service S --verb V --expires T --reason R}. */
  @Command(name = "grant", mixinStandardHelpOptions = true,
      description = "Grant an agent verbs on services in environments until an expiry. Operator-level grants (production or '*' with every mutating verb) are refused.")
  static final class GrantCmd implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "AGENT", description = "the agent")
    String agent = "";

    @Mixin Scope scope;

    @Option(names = "--expires", required = true, paramLabel = "INSTANT", description = "when it ends, ISO-8601, e.g. 2026-12-31T00:00:00Z")
    String expires = "";

    @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "why the agent needs it")
    String reason = "";

    @Mixin Common common;

    @Override
    public Integer call() {
      Map<String, Object> body = scope.body();
      body.put("expires", expires);
      body.put("reason", reason);
      return finish(common, api(common).post("/v1/agents/" + id(agent) + "/grants", body), 201, g -> {
        out().println("Granted " + grant(g) + " to " + agent + " (" + g.path("id").asText() + ").");
        note(g);
        effective(g);
      });
    }
  }

  /** {@code agent revoke AGENT GRANT}. */
  @Command(name = "revoke", mixinStandardHelpOptions = true,
      description = "Revoke a grant or an elevation of an agent; it takes effect on the next decision.")
  static final class Revoke implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "AGENT", description = "the agent")
    String agent = "";

    @Parameters(index = "1", paramLabel = "GRANT", description = "the grant id, e.g. gr_01…")
    String grant = "";

    @Mixin Common common;

    @Override
    public Integer call() {
      return finish(common, api(common).delete("/v1/agents/" + id(agent) + "/grants/" + id(grant)), 200, g -> {
        out().println("Revoked " + g.path("id").asText() + " of " + agent + ".");
        effective(g);
      });
    }
  }

  /** {@code agent list}. */
  @Command(name = "list", mixinStandardHelpOptions = true, description = "List agents (org.yaml and managed), their grants and effective rights.")
  static final class ListCmd implements Callable<Integer> {
    @Mixin Common common;

    @Override
    public Integer call() {
      return finish(common, api(common).get("/v1/agents"), 200, body -> {
        for (JsonNode a : body.path("agents")) {
          out().println(a.path("id").asText() + "  sponsor " + a.path("sponsor").asText() + ", model "
              + a.path("model").asText() + ", from " + a.path("source").asText());
          for (JsonNode g : a.path("grants")) {
            String id = g.path("id").asText("");
            String state = g.path("state").asText(g.path("expired").asBoolean() ? "expired" : "active");
            out().println("  " + (id.isEmpty() ? "" : id + " ") + "[" + state + "] " + grant(g)
                + (g.path("reason").asText("").isEmpty() ? "" : " — " + g.path("reason").asText()));
          }
          effective(a);
        }
      });
    }
  }

  /** {@code agent elevate AGENT …}: run with the agent's own token. */
  @Command(name = "elevate", mixinStandardHelpOptions = true,
      description = "As the agent (its own token), ask for a just-in-time grant for a duration (at most PT8H). It gives no rights until a senior or above, other than the sponsor, approves it; it then lasts for the duration from the approval.")
  static final class Elevate implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "AGENT", description = "the agent (the token's own)")
    String agent = "";

    @Mixin Scope scope;

    @Option(names = "--duration", required = true, paramLabel = "DURATION", description = "how long once approved, ISO-8601, e.g. PT2H")
    String duration = "";

    @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "why, e.g. the incident")
    String reason = "";

    @Mixin Common common;

    @Override
    public Integer call() {
      Map<String, Object> body = scope.body();
      body.put("duration", duration);
      body.put("reason", reason);
      return finish(common, api(common).post("/v1/agents/" + id(agent) + "/elevations", body), 201, g -> {
        out().println("Requested elevation " + g.path("id").asText() + ": " + grant(g) + " for "
            + g.path("duration").asText() + " (pending).");
        note(g);
      });
    }
  }

  /** {@code agent approve-elevation AGENT GRANT}. */
  @Command(name = "approve-elevation", mixinStandardHelpOptions = true,
      description = "Approve an agent's pending elevation (senior or above, not the agent's sponsor): it is active from now for its duration.")
  static final class ApproveElevation implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "AGENT", description = "the agent")
    String agent = "";

    @Parameters(index = "1", paramLabel = "GRANT", description = "the elevation id, e.g. gr_01…")
    String grant = "";

    @Mixin Common common;

    @Override
    public Integer call() {
      String path = "/v1/agents/" + id(agent) + "/elevations/" + id(grant) + "/approve";
      return finish(common, api(common).post(path, Map.of()), 200, g -> {
        out().println("Approved " + g.path("id").asText() + ": " + agent + " may " + grant(g) + ".");
        note(g);
      });
    }
  }

  // ---- shared ---------------------------------------------------------------------------------

  private static PrintStream out() {
    return System.out;
  }

  private static String id(String value) {
    if (!ID.matcher(value).matches()) {
      throw new InputError("'" + value + "' is not an id (letters, digits, '.', '_', '-')");
    }
    return value;
  }

  private static ApiClient api(Common c) {
    return new ApiClient(c.server.baseUrl(), c.server.token());
  }

  private interface Show {
    void show(JsonNode body);
  }

  /** Prints the answer and returns the exit code: 0 done, 1 refused, 2 bad input or server error. */
  private static int finish(Common c, ApiClient.Answer a, int expected, Show show) {
    if (a.status() == expected) {
      if (c.json) {
        try {
          out().println(PRETTY.writeValueAsString(a.body()));
        } catch (JsonProcessingException e) {
          throw new IllegalStateException(e);
        }
      } else {
        show.show(a.body());
      }
      return Main.OK;
    }
    if (a.status() == 403 || a.status() == 404 || a.status() == 409) {
      System.err.println("countersign: refused: " + a.message());
      return Main.NO;
    }
    throw new InputError(a.message());
  }

  private static String grant(JsonNode g) {
    StringBuilder s = new StringBuilder();
    s.append(join(g.path("verbs"))).append(" on ").append(join(g.path("services")))
        .append(" in ").append(join(g.path("environments")));
    if (g.has("expires")) {
      s.append(" until ").append(g.path("expires").asText());
    }
    return s.toString();
  }

  private static void note(JsonNode g) {
    if (g.has("note")) {
      out().println("Note: " + g.path("note").asText());
    }
  }

  private static void effective(JsonNode body) {
    if (!body.has("effective")) {
      return;
    }
    List<String> lines = new ArrayList<>();
    for (JsonNode e : body.path("effective")) {
      if (e.has("refused")) {
        lines.add("nothing: " + e.path("refused").asText());
      } else {
        lines.add(grant(e));
      }
    }
    out().println("  effective now: " + (lines.isEmpty() ? "nothing" : String.join("; ", lines)));
  }

  private static String join(JsonNode list) {
    List<String> items = new ArrayList<>();
    list.forEach(x -> items.add(x.asText()));
    return items.isEmpty() ? "(none)" : String.join(",", items);
  }
}
