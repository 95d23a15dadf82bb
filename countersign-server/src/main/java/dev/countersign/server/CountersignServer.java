package dev.countersign.server;

import dev.countersign.analyze.AnalysisException;
import dev.countersign.policy.PolicyException;
import dev.countersign.server.agent.Narrowing;
import dev.countersign.store.AuthenticatedToken;
import dev.countersign.store.Store;
import dev.countersign.store.StoreException;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The HTTP API (JSON under {@code /v1}): a thin adapter that authenticates the caller from the
 * bearer token only, parses strictly, calls {@link ChangeService}, and renders answers and errors as
 * JSON. Runs on virtual threads (Helidon SE).
 */
public final class CountersignServer implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(CountersignServer.class.getName());
  private static final int DEFAULT_LIST_LIMIT = 100;

  private final WebServer web;

  private CountersignServer(WebServer web) {
    this.web = web;
  }

  /** Starts a server on {@code host:port} (port 0 picks a free one), without agent hooks. */
  public static CountersignServer start(
      String host, int port, long maxBodyBytes, Store store, ChangeService changes, JsonCodec json) {
    return start(host, port, maxBodyBytes, store, changes, Optional.empty(), Optional.empty(), json);
  }

  /**
   * Starts a server on {@code host:port} (port 0 picks a free one) that also answers agent hooks
   * ({@code POST /v1/hooks/{claude-code|codex|cursor|gemini|copilot}}) through {@code gate}.
   */
  public static CountersignServer start(
      String host, int port, long maxBodyBytes, Store store, ChangeService changes, AgentGate gate, JsonCodec json) {
    return start(host, port, maxBodyBytes, store, changes, Optional.of(gate), Optional.empty(), json);
  }

  /**
   * Starts a server with agent hooks through {@code gate} and agent management ({@code /v1/agents},
   * grants and elevations) through {@code agents}.
   */
  public static CountersignServer start(
      String host, int port, long maxBodyBytes, Store store, ChangeService changes, AgentGate gate,
      AgentService agents, JsonCodec json) {
    return start(host, port, maxBodyBytes, store, changes, Optional.of(gate), Optional.of(agents), json);
  }

  private static CountersignServer start(
      String host, int port, long maxBodyBytes, Store store, ChangeService changes, Optional<AgentGate> gate,
      Optional<AgentService> agents, JsonCodec json) {
    Handlers h = new Handlers(store, changes, json, maxBodyBytes, gate.map(g -> new HookEndpoint(g, json)), agents);
    WebServer web =
        WebServer.builder()
            .host(host)
            .port(port)
            .shutdownHook(false)
            .routing(r -> h.routes(r))
            .build()
            .start();
    return new CountersignServer(web);
  }

  /** The port the server listens on. */
  public int port() {
    return web.port();
  }

  /** Stops the server. */
  @Override
  public void close() {
    web.stop();
  }

  private record Handlers(
      Store store, ChangeService changes, JsonCodec json, long maxBodyBytes, Optional<HookEndpoint> hooks,
      Optional<AgentService> agents) {

    void routes(HttpRouting.Builder r) {
      hooks.ifPresent(hook -> hook.agents().forEach(
          agent -> r.post("/v1/hooks/" + agent, (req, res) -> agentHook(hook, agent, req, res))));
      agents.ifPresent(a -> agentRoutes(r, a));
      r.get("/healthz", (req, res) -> send(res, 200, Map.of("status", "ok")))
          .post("/v1/changes", (req, res) -> handle(req, res, caller -> {
                ProposeRequest body = json.read(body(req, maxBodyBytes), ProposeRequest.class);
                return new Reply(201, changes.propose(caller, body));
              }))
          .get("/v1/changes", (req, res) -> handle(req, res, caller -> {
                String state = req.query().first("state").asOptional().orElse("pending");
                int limit = limit(req.query().first("limit").asOptional());
                return new Reply(200, Map.of("changes", changes.list(caller, state, limit)));
              }))
          .get("/v1/changes/{id}", (req, res) -> handle(req, res, caller ->
                new Reply(200, changes.get(caller, req.path().pathParameters().get("id")))))
          .post("/v1/changes/{id}/reviews", (req, res) -> handle(req, res, caller -> {
                ReviewRequest body = json.read(body(req, maxBodyBytes), ReviewRequest.class);
                return new Reply(200, changes.review(caller, req.path().pathParameters().get("id"), body));
              }))
          .any("/v1/*", (req, res) -> handle(req, res, caller -> {
                throw ApiException.notFound("no such endpoint: " + req.prologue().method().text() + " " + req.path().path());
              }));
    }

    /** Agent management: humans create agents and grants; an agent asks for elevation. */
    private void agentRoutes(HttpRouting.Builder r, AgentService a) {
      r.get("/v1/agents", (req, res) -> handle(req, res, caller -> new Reply(200, a.list(caller))))
          .post("/v1/agents", (req, res) -> handle(req, res, caller ->
                new Reply(201, a.create(caller, json.read(body(req, maxBodyBytes), AgentRequests.Create.class)))))
          .post("/v1/agents/{id}/grants", (req, res) -> handle(req, res, caller ->
                new Reply(201, a.addGrant(caller, req.path().pathParameters().get("id"),
                    json.read(body(req, maxBodyBytes), AgentRequests.AddGrant.class)))))
          .delete("/v1/agents/{id}/grants/{grantId}", (req, res) -> handle(req, res, caller ->
                new Reply(200, a.revoke(caller, req.path().pathParameters().get("id"),
                    req.path().pathParameters().get("grantId")))))
          .post("/v1/agents/{id}/elevations", (req, res) -> handle(req, res, caller ->
                new Reply(201, a.elevate(caller, req.path().pathParameters().get("id"),
                    json.read(body(req, maxBodyBytes), AgentRequests.Elevate.class)))))
          .post("/v1/agents/{id}/elevations/{grantId}/approve", (req, res) -> handle(req, res, caller ->
                new Reply(200, a.approveElevation(caller, req.path().pathParameters().get("id"),
                    req.path().pathParameters().get("grantId")))));
    }

    /**
     * A hook answers 401 for a missing or unknown token (with onFailure:block the client then
     * blocks), and otherwise always 200 with a decision in the agent's own format: a 4xx/5xx would let
     * a client without onFailure:block run the tool (fail open).
     */
    private void agentHook(HookEndpoint hook, String agent, ServerRequest req, ServerResponse res) {
      AuthenticatedToken token;
      try {
        token = authenticate(req);
      } catch (ApiException e) {
        sendError(res, e.status(), e.error(), e.getMessage());
        return;
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "hook authentication failed", e);
        res.status(Status.OK_200);
        res.header(HeaderNames.CONTENT_TYPE, "application/json");
        res.send(hook.unavailable(agent));
        return;
      }
      byte[] answer = hook.answer(agent, token, () -> body(req, maxBodyBytes), narrowings(req));
      res.status(Status.OK_200);
      res.header(HeaderNames.CONTENT_TYPE, "application/json");
      res.send(answer);
    }

    /**
     * What the request asks to narrow its target to: the hook URL's {@code environment} and {@code
     * service}, then what the relay read from the repository's {@code .countersign.yaml} ({@code
     * repo-environment}, {@code repo-service}). Neither can widen the token's scope.
     */
    private static List<Narrowing> narrowings(ServerRequest req) {
      Narrowing url = new Narrowing(req.query().first("environment").asOptional(), req.query().all("service", List::of));
      Narrowing repo = new Narrowing(req.query().first("repo-environment").asOptional(), req.query().all("repo-service", List::of),
          Narrowing.REPOSITORY);
      return repo.isEmpty() ? List.of(url) : List.of(url, repo);
    }

    private void handle(ServerRequest req, ServerResponse res, Call call) {
      try {
        String caller = authenticate(req).principalId();
        Reply reply = call.run(caller);
        send(res, reply.status(), reply.body());
      } catch (ApiException e) {
        sendError(res, e.status(), e.error(), e.getMessage());
      } catch (AnalysisException e) {
        sendError(res, 400, "invalid_content", e.getMessage());
      } catch (PolicyException e) {
        LOG.log(Level.WARNING, "policy error", e);
        sendError(res, 500, "policy_error", e.getMessage());
      } catch (StoreException e) {
        LOG.log(Level.WARNING, "store error", e);
        sendError(res, 503, "store_unavailable", "the database could not complete the request; nothing was changed");
      } catch (RuntimeException e) {
        LOG.log(Level.SEVERE, "unexpected error", e);
        sendError(res, 500, "internal_error", "internal error; nothing was changed");
      }
    }

    private AuthenticatedToken authenticate(ServerRequest req) {
      Optional<String> header = req.headers().first(HeaderNames.AUTHORIZATION);
      if (header.isEmpty()) {
        throw ApiException.unauthorized("missing 'Authorization: Bearer <token>' header");
      }
      String value = header.get();
      if (!value.regionMatches(true, 0, "Bearer ", 0, 7) || value.length() <= 7) {
        throw ApiException.unauthorized("the Authorization header must be 'Bearer <token>'");
      }
      String token = value.substring(7).strip();
      return store.transaction(tx -> tx.tokens().identify(token))
          .orElseThrow(() -> ApiException.unauthorized("unknown or revoked token"));
    }

    /**
     * Reads the body up to the limit. Over the limit is a 400 with a JSON body (not the bare 413 a
     * server-level cap would give), and nothing past the limit is buffered.
     */
    static byte[] body(ServerRequest req, long max) {
      if (!req.content().hasEntity()) {
        return new byte[0];
      }
      Optional<String> declared = req.headers().first(HeaderNames.CONTENT_LENGTH);
      long length = -1;
      if (declared.isPresent() && !declared.get().isEmpty() && declared.get().chars().allMatch(Character::isDigit)
          && declared.get().length() < 19) {
        length = Long.parseLong(declared.get());
        if (length > max) {
          throw tooLarge(max);
        }
      }
      try (java.io.InputStream in = req.content().inputStream()) {
        // A declared length is read into an array of that size: reading up to the limit instead
        // allocates a 16 KB chunk and a copy for every small hook request.
        byte[] bytes = in.readNBytes((int) (length >= 0 ? length : Math.min(Integer.MAX_VALUE - 8, max + 1)));
        if (bytes.length > max) {
          throw tooLarge(max);
        }
        return bytes;
      } catch (java.io.IOException e) {
        throw ApiException.badRequest("the request body could not be read: " + e.getMessage());
      }
    }

    private static ApiException tooLarge(long max) {
      return ApiException.badRequest("the request body is larger than the limit of " + max + " bytes");
    }

    private static int limit(Optional<String> value) {
      if (value.isEmpty()) {
        return DEFAULT_LIST_LIMIT;
      }
      try {
        int n = Integer.parseInt(value.get());
        if (n < 1 || n > 1000) {
          throw ApiException.badRequest("limit must be between 1 and 1000");
        }
        return n;
      } catch (NumberFormatException e) {
        throw ApiException.badRequest("limit must be a number");
      }
    }

    private void send(ServerResponse res, int status, Object body) {
      res.status(Status.create(status));
      res.header(HeaderNames.CONTENT_TYPE, "application/json");
      res.send(json.write(body));
    }

    private void sendError(ServerResponse res, int status, String error, String message) {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("error", error);
      body.put("message", message);
      if (status == 401) {
        res.header(HeaderNames.WWW_AUTHENTICATE, "Bearer");
      }
      send(res, status, body);
    }
  }

  private record Reply(int status, Object body) {}

  @FunctionalInterface
  private interface Call {
    Reply run(String caller);
  }
}
