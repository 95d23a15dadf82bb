package dev.countersign.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A scripted stand-in for the Anthropic Messages API on 127.0.0.1 (AGENT-PROTOCOLS.md §10 step 2).
 * For the agent's own requests (those offering the Bash tool) it answers with the next scripted
 * Bash {@code tool_use} while the conversation has fewer tool results than the script has steps,
 * then with a final text; it streams Server-Sent Events when asked to. Every other request gets
 * "ok". It records the tool results Claude Code sends back.
 */
final class FakeAnthropicApi extends FakeModelApi<FakeAnthropicApi.ToolResult> {
  /** A tool result as Claude Code reported it to the model. */
  record ToolResult(String toolUseId, boolean isError, String text) {}

  private final AtomicInteger ids = new AtomicInteger();

  /** Listens on a free port; {@link #url()} is the value for {@code ANTHROPIC_BASE_URL}. */
  FakeAnthropicApi() throws IOException {}

  @Override
  void respond(HttpExchange x, String path, byte[] body) throws IOException {
    x.getResponseHeaders().set("request-id", "req_fake");
    if (path.endsWith("/count_tokens")) {
      send(x, "application/json", "{\"input_tokens\":42}");
      return;
    }
    if (!path.endsWith("/v1/messages")) {
      x.sendResponseHeaders(404, -1);
      return;
    }
    JsonNode request = JSON.readTree(body);
    List<Block> blocks = answer(request);
    boolean stream = request.path("stream").asBoolean(false);
    String model = request.path("model").asText("claude-fake");
    if (stream) {
      send(x, "text/event-stream", Sse.message(model, "msg_fake_" + ids.incrementAndGet(), blocks));
    } else {
      send(x, "application/json", Sse.whole(model, "msg_fake_" + ids.incrementAndGet(), blocks));
    }
  }

  /** One content block of an answer: text, or a Bash tool_use. */
  record Block(String type, String text, String toolUseId, String command) {}

  private List<Block> answer(JsonNode request) {
    if (!offersBash(request)) {
      return List.of(new Block("text", "ok", "", ""));
    }
    List<ToolResult> results = results(request);
    Optional<String> step = nextStep(results);
    if (step.isPresent()) {
      String id = "toolu_fake_" + String.format("%02d", results.size()) + "_" + ids.incrementAndGet();
      return List.of(
          new Block("text", "I will run step " + (results.size() + 1) + ".", "", ""),
          new Block("tool_use", "", id, step.get()));
    }
    String last = results.isEmpty() ? "(none)" : results.get(results.size() - 1).text();
    return List.of(new Block("text", "FINAL: done. Last tool result was: " + last, "", ""));
  }

  private static boolean offersBash(JsonNode request) {
    for (JsonNode t : request.path("tools")) {
      if (t.path("name").asText().equals("Bash")) {
        return true;
      }
    }
    return false;
  }

  private static List<ToolResult> results(JsonNode request) {
    List<ToolResult> out = new ArrayList<>();
    for (JsonNode m : request.path("messages")) {
      for (JsonNode c : m.path("content")) {
        if (c.path("type").asText().equals("tool_result")) {
          out.add(new ToolResult(c.path("tool_use_id").asText(), c.path("is_error").asBoolean(false), text(c.path("content"))));
        }
      }
    }
    return out;
  }

  private static String text(JsonNode content) {
    if (content.isTextual()) {
      return content.asText();
    }
    StringBuilder s = new StringBuilder();
    for (JsonNode part : content) {
      s.append(part.path("text").asText(""));
    }
    return s.toString();
  }

  /** The Messages API's answer shapes: one JSON message, or its SSE stream. */
  static final class Sse {
    private Sse() {}

    static String message(String model, String id, List<Block> blocks) {
      StringBuilder s = new StringBuilder();
      ObjectNode start = JSON.createObjectNode().put("type", "message_start");
      ObjectNode msg = start.putObject("message");
      msg.put("id", id).put("type", "message").put("role", "assistant").put("model", model);
      msg.putArray("content");
      msg.putNull("stop_reason");
      msg.putNull("stop_sequence");
      msg.putObject("usage").put("input_tokens", 42).put("output_tokens", 1);
      event(s, "message_start", start);
      for (int i = 0; i < blocks.size(); i++) {
        Block b = blocks.get(i);
        ObjectNode begin = JSON.createObjectNode().put("type", "content_block_start").put("index", i);
        ObjectNode delta = JSON.createObjectNode().put("type", "content_block_delta").put("index", i);
        if (b.type().equals("text")) {
          begin.putObject("content_block").put("type", "text").put("text", "");
          delta.putObject("delta").put("type", "text_delta").put("text", b.text());
        } else {
          ObjectNode tool = begin.putObject("content_block").put("type", "tool_use").put("id", b.toolUseId()).put("name", "Bash");
          tool.putObject("input");
          delta.putObject("delta").put("type", "input_json_delta").put("partial_json", input(b).toString());
        }
        event(s, "content_block_start", begin);
        event(s, "content_block_delta", delta);
        event(s, "content_block_stop", JSON.createObjectNode().put("type", "content_block_stop").put("index", i));
      }
      ObjectNode end = JSON.createObjectNode().put("type", "message_delta");
      end.putObject("delta").put("stop_reason", stopReason(blocks)).putNull("stop_sequence");
      end.putObject("usage").put("output_tokens", 12);
      event(s, "message_delta", end);
      event(s, "message_stop", JSON.createObjectNode().put("type", "message_stop"));
      return s.toString();
    }

    static String whole(String model, String id, List<Block> blocks) {
      ObjectNode msg = JSON.createObjectNode();
      msg.put("id", id).put("type", "message").put("role", "assistant").put("model", model);
      var content = msg.putArray("content");
      for (Block b : blocks) {
        if (b.type().equals("text")) {
          content.addObject().put("type", "text").put("text", b.text());
        } else {
          content.addObject().put("type", "tool_use").put("id", b.toolUseId()).put("name", "Bash").set("input", input(b));
        }
      }
      msg.put("stop_reason", stopReason(blocks));
      msg.putNull("stop_sequence");
      msg.putObject("usage").put("input_tokens", 42).put("output_tokens", 12);
      return msg.toString();
    }

    private static ObjectNode input(Block b) {
      return JSON.createObjectNode().put("command", b.command()).put("description", "scripted step");
    }

    private static String stopReason(List<Block> blocks) {
      return blocks.stream().anyMatch(b -> b.type().equals("tool_use")) ? "tool_use" : "end_turn";
    }

    private static void event(StringBuilder s, String name, JsonNode data) {
      s.append("event: ").append(name).append('\n').append("data: ").append(data).append("\n\n");
    }
  }
}
