package dev.countersign.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A scripted stand-in for the Gemini API ({@code generativelanguage} v1beta) on 127.0.0.1, which
 * Gemini CLI 0.61.0 calls when {@code GOOGLE_GEMINI_BASE_URL} points here and the auth type is
 * {@code gemini-api-key}: {@code POST /v1beta/models/MODEL:streamGenerateContent?alt=sse} for the
 * agent's turns (and {@code :generateContent} for side calls).
 *
 * <p>A request that offers tools gets the next scripted {@code run_shell_command} function call
 * while the conversation has fewer {@code functionResponse} parts than the script has steps, then a
 * final text. A request that asks for JSON ({@code responseMimeType: application/json}, e.g. the
 * model router's complexity score or the next-speaker check) gets an object that fills the
 * requested schema; anything else gets the text "ok". Streaming answers are one Server-Sent Event.
 * It records the function responses Gemini CLI sends back.
 */
final class FakeGeminiApi extends FakeModelApi<FakeGeminiApi.Output> {
  static final String SHELL = "run_shell_command";

  /** A tool result as Gemini CLI reported it to the model: {@code response.output} or {@code response.error}. */
  record Output(String name, boolean isError, String text) {}

  /** Listens on a free port; {@link #url()} is the value for {@code GOOGLE_GEMINI_BASE_URL}. */
  FakeGeminiApi() throws IOException {}

  @Override
  void respond(HttpExchange x, String path, byte[] body) throws IOException {
    boolean stream = path.endsWith(":streamGenerateContent");
    if (!x.getRequestMethod().equals("POST") || !(stream || path.endsWith(":generateContent"))) {
      x.sendResponseHeaders(404, -1);
      return;
    }
    ObjectNode answer = answer(JSON.readTree(body));
    if (stream) {
      send(x, "text/event-stream", "data: " + answer + "\r\n\r\n");
    } else {
      send(x, "application/json", answer.toString());
    }
  }

  private ObjectNode answer(JsonNode request) {
    JsonNode config = request.path("generationConfig");
    if (config.path("responseMimeType").asText().equals("application/json")) {
      JsonNode schema = config.has("responseJsonSchema") ? config.get("responseJsonSchema") : config.path("responseSchema");
      return response(JSON.createObjectNode().put("text", fill(schema).toString()));
    }
    if (!request.path("tools").isArray() || request.path("tools").isEmpty()) {
      return response(JSON.createObjectNode().put("text", "ok"));
    }
    List<Output> outputs = outputs(request);
    Optional<String> step = nextStep(outputs);
    if (step.isPresent()) {
      ObjectNode part = JSON.createObjectNode();
      ObjectNode call = part.putObject("functionCall").put("name", SHELL);
      call.putObject("args").put("command", step.get()).put("description", "scripted step " + (outputs.size() + 1));
      return response(part);
    }
    return response(JSON.createObjectNode().put("text", "FINAL: done. Last tool result was: "
        + (outputs.isEmpty() ? "(none)" : outputs.get(outputs.size() - 1).text())));
  }

  private static List<Output> outputs(JsonNode request) {
    List<Output> out = new ArrayList<>();
    for (JsonNode content : request.path("contents")) {
      for (JsonNode part : content.path("parts")) {
        JsonNode fr = part.get("functionResponse");
        if (fr != null) {
          JsonNode r = fr.path("response");
          boolean error = r.has("error");
          JsonNode text = error ? r.get("error") : r.path("output");
          out.add(new Output(fr.path("name").asText(), error, text.isTextual() ? text.asText() : r.toString()));
        }
      }
    }
    return out;
  }

  /** An object for a response schema: strings "user" (the next-speaker check's stop) or the first enum value, numbers 1, booleans false. */
  private static JsonNode fill(JsonNode schema) {
    String type = schema.path("type").asText("object").toLowerCase();
    return switch (type) {
      case "object" -> {
        ObjectNode o = JSON.createObjectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> p = it.next();
          o.set(p.getKey(), fill(p.getValue()));
        }
        yield o;
      }
      case "array" -> JSON.createArrayNode();
      case "integer", "number" -> JSON.getNodeFactory().numberNode(1);
      case "boolean" -> JSON.getNodeFactory().booleanNode(false);
      default -> {
        JsonNode values = schema.path("enum");
        boolean pick = values.isArray() && !values.isEmpty() && !values.toString().contains("\"user\"");
        yield pick ? values.get(0) : JSON.getNodeFactory().textNode("user");
      }
    };
  }

  private static ObjectNode response(ObjectNode part) {
    ObjectNode r = JSON.createObjectNode();
    ObjectNode candidate = r.putArray("candidates").addObject();
    ObjectNode content = candidate.putObject("content").put("role", "model");
    content.putArray("parts").add(part);
    candidate.put("finishReason", "STOP").put("index", 0);
    r.putObject("usageMetadata").put("promptTokenCount", 42).put("candidatesTokenCount", 12).put("totalTokenCount", 54);
    r.put("modelVersion", "gemini-2.5-flash");
    return r;
  }
}
