package dev.countersign.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A scripted stand-in for the OpenAI Responses API on 127.0.0.1 (AGENT-PROTOCOLS.md §2.4). For each
 * {@code POST /v1/responses} it answers, in Server-Sent Events, with the next scripted {@code
 * exec_command} function call while the conversation has fewer {@code function_call_output} items
 * than the script has steps, then with a final assistant message. It records the outputs Codex sends
 * back.
 */
final class FakeOpenAiResponses extends FakeModelApi<FakeOpenAiResponses.Output> {
  /** A tool output as Codex reported it to the model. */
  record Output(String callId, String text) {}

  private final AtomicInteger ids = new AtomicInteger();

  /** Listens on a free port. */
  FakeOpenAiResponses() throws IOException {}

  /** The provider's {@code base_url}, e.g. {@code http://127.0.0.1:PORT/v1}. */
  String baseUrl() {
    return url() + "/v1";
  }

  @Override
  void respond(HttpExchange x, String path, byte[] body) throws IOException {
    if (!x.getRequestMethod().equals("POST") || !path.endsWith("/responses")) {
      x.sendResponseHeaders(404, -1);
      return;
    }
    JsonNode request = JSON.readTree(body);
    List<Output> outputs = outputs(request);
    Optional<String> step = nextStep(outputs);
    String model = request.path("model").asText("gpt-fake");
    String events = step.isPresent()
        ? Sse.response(model, ids.incrementAndGet(), call("call_fake_" + outputs.size() + "_" + ids.incrementAndGet(), step.get()))
        : Sse.response(model, ids.incrementAndGet(), message("FINAL: done. Last tool output was: "
            + (outputs.isEmpty() ? "(none)" : outputs.get(outputs.size() - 1).text())));
    send(x, "text/event-stream", events);
  }

  private static List<Output> outputs(JsonNode request) {
    List<Output> out = new ArrayList<>();
    for (JsonNode item : request.path("input")) {
      if (item.path("type").asText().equals("function_call_output")) {
        JsonNode o = item.path("output");
        out.add(new Output(item.path("call_id").asText(), o.isTextual() ? o.asText() : o.toString()));
      }
    }
    return out;
  }

  private static ObjectNode call(String callId, String command) {
    ObjectNode item = JSON.createObjectNode().put("type", "function_call").put("id", "fc_" + callId).put("call_id", callId)
        .put("name", "exec_command").put("status", "completed");
    item.put("arguments", JSON.createObjectNode().put("cmd", command).toString());
    return item;
  }

  private static ObjectNode message(String text) {
    ObjectNode item = JSON.createObjectNode().put("type", "message").put("id", "msg_fake").put("role", "assistant").put("status", "completed");
    item.putArray("content").addObject().put("type", "output_text").put("text", text).putArray("annotations");
    return item;
  }

  /** The Responses API's streamed answer: created, one output item added and done, completed. */
  static final class Sse {
    private Sse() {}

    static String response(String model, int n, ObjectNode item) {
      StringBuilder s = new StringBuilder();
      String id = "resp_fake_" + n;
      event(s, JSON.createObjectNode().put("type", "response.created").set("response", envelope(id, model, "in_progress")));
      ObjectNode added = item.deepCopy();
      if (added.has("arguments")) {
        added.put("arguments", "").put("status", "in_progress");
      }
      event(s, JSON.createObjectNode().put("type", "response.output_item.added").put("output_index", 0).set("item", added));
      event(s, JSON.createObjectNode().put("type", "response.output_item.done").put("output_index", 0).set("item", item));
      ObjectNode done = envelope(id, model, "completed");
      ((ArrayNode) done.get("output")).add(item);
      done.putObject("usage").put("input_tokens", 42).put("output_tokens", 12).put("total_tokens", 54)
          .<ObjectNode>set("input_tokens_details", JSON.createObjectNode().put("cached_tokens", 0))
          .set("output_tokens_details", JSON.createObjectNode().put("reasoning_tokens", 0));
      event(s, JSON.createObjectNode().put("type", "response.completed").set("response", done));
      return s.toString();
    }

    private static ObjectNode envelope(String id, String model, String status) {
      ObjectNode r = JSON.createObjectNode().put("id", id).put("object", "response").put("model", model).put("status", status);
      r.putArray("output");
      return r;
    }

    private static void event(StringBuilder s, ObjectNode data) {
      s.append("event: ").append(data.path("type").asText()).append('\n').append("data: ").append(data).append("\n\n");
    }
  }
}
