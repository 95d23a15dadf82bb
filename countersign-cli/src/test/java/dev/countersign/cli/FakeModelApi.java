package dev.countersign.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.countersign.cli.ExternalProcess.Result;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;

/**
 * A scripted stand-in for a model provider's API on 127.0.0.1, for real agent CLIs: it logs every
 * request, asks for the scripted shell commands one turn at a time, and keeps the tool results the
 * client sent back in its latest request. Subclasses speak one provider's wire format.
 *
 * @param <R> a tool result as the client reported it to the model
 */
abstract class FakeModelApi<R> implements AutoCloseable {
  static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final List<String> log = Collections.synchronizedList(new ArrayList<>());
  private volatile List<String> script = List.of();
  private volatile List<R> lastResults = List.of();

  FakeModelApi() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.createContext("/", this::handle);
    server.start();
  }

  /** The server's origin, e.g. {@code http://127.0.0.1:PORT}. */
  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** The shell commands the next run asks for, one per turn; the log starts afresh. */
  void script(List<String> commands) {
    script = List.copyOf(commands);
    lastResults = List.of();
    log.clear();
  }

  /** The tool results in the latest agent request of this run, in order. */
  List<R> toolResults() {
    return lastResults;
  }

  /** Everything requested, for diagnostics. */
  String log() {
    synchronized (log) {
      return String.join("\n", log);
    }
  }

  /** A failure message for a run of {@code client}: its exit code and output, then what this fake saw. */
  String diagnostics(String client, Result run) {
    return client + " exit " + run.code() + "\n--- " + client + " output ---\n" + run.output()
        + "\n--- fake model requests ---\n" + log() + "\n--- tool results ---\n" + toolResults();
  }

  /**
   * Keeps {@code results} as this run's latest and returns the command for the next turn, or empty
   * when every scripted step already has a result.
   */
  final Optional<String> nextStep(List<R> results) {
    lastResults = results;
    List<String> steps = script;
    return results.size() < steps.size() ? Optional.of(steps.get(results.size())) : Optional.empty();
  }

  /** Answers one request; {@code body} was already read and logged. */
  abstract void respond(HttpExchange x, String path, byte[] body) throws IOException;

  /** Sends a 200 answer of {@code type}. */
  static void send(HttpExchange x, String type, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    x.getResponseHeaders().set("Content-Type", type);
    x.sendResponseHeaders(200, bytes.length);
    try (OutputStream out = x.getResponseBody()) {
      out.write(bytes);
    }
  }

  private void handle(HttpExchange x) throws IOException {
    try (x) {
      byte[] body = x.getRequestBody().readAllBytes();
      log.add(x.getRequestMethod() + " " + x.getRequestURI() + " (" + body.length + " bytes)");
      respond(x, x.getRequestURI().getPath(), body);
    } catch (RuntimeException e) {
      log.add("fake API error: " + e);
      throw e;
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
