package dev.countersign.cli.remote;

import com.fasterxml.jackson.databind.JsonNode;
import dev.countersign.cli.InputError;
import dev.countersign.cli.Main;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One review through the API: read the change (re-decided now), show what is being approved or
 * rejected, then post the verdict bound to the digest that was shown.
 */
final class ReviewCall {
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,100}");

  private ReviewCall() {}

  /** Reviews change {@code id} and returns the exit code: 0 recorded, 1 refused, 2 input error. */
  static int run(ServerOptions server, String id, String verdict, String comment, PrintStream out, PrintStream err) {
    if (!ID.matcher(id).matches()) {
      throw new InputError("'" + id + "' is not a change id (such as ch_01ABC…)");
    }
    ApiClient api = new ApiClient(server.baseUrl(), server.token());
    ApiClient.Answer change = api.get("/v1/changes/" + id);
    if (change.status() != 200) {
      throw new InputError("cannot read change " + id + ": " + change.message());
    }
    show(change.body(), out);
    String digest = change.body().path("digest").asText();
    out.println((verdict.equals("approve") ? "Approving" : "Rejecting") + " digest " + digest + " ...");
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("verdict", verdict);
    body.put("digest", digest);
    body.put("comment", comment);
    ApiClient.Answer r = api.post("/v1/changes/" + id + "/reviews", body);
    return switch (r.status()) {
      case 200 -> {
        out.println("Recorded. Change " + id + " is now " + r.body().path("state").asText() + ".");
        outstanding(r.body(), out);
        yield Main.OK;
      }
      case 403, 409 -> {
        err.println("countersign: the review was refused: " + r.message());
        yield Main.NO;
      }
      default -> throw new InputError("the review was not recorded: " + r.message());
    };
  }

  private static void show(JsonNode c, PrintStream out) {
    out.println("Change " + c.path("id").asText() + " (" + c.path("state").asText() + "): " + c.path("title").asText());
    out.println("  kind " + c.path("kind").asText() + ", environment " + c.path("environment").asText()
        + ", services " + join(c.path("services")));
    String agent = c.path("agent").asText("");
    out.println("  author " + c.path("author").asText() + (agent.isEmpty() ? "" : ", run by agent " + agent));
    for (JsonNode a : c.path("analysis").path("actions")) {
      out.println("  " + a.path("verb").asText() + " " + a.path("resourceType").asText() + " " + a.path("address").asText());
    }
    for (JsonNode f : c.path("analysis").path("findings")) {
      out.println("  finding " + f.path("code").asText() + ": " + f.path("message").asText());
    }
    for (JsonNode reason : c.path("decision").path("reasons")) {
      out.println("  - " + reason.asText());
    }
  }

  private static void outstanding(JsonNode c, PrintStream out) {
    for (JsonNode r : c.path("decision").path("requirements")) {
      int missing = r.path("approvals").asInt() - r.path("approvedBy").size();
      if (missing > 0) {
        out.println("  still needs " + missing + " approval(s) from " + r.path("eligible").asText()
            + " (rule '" + r.path("rule").asText() + "')");
      }
    }
  }

  private static String join(JsonNode list) {
    StringBuilder s = new StringBuilder();
    list.forEach(x -> s.append(s.isEmpty() ? "" : ", ").append(x.asText()));
    return s.isEmpty() ? "(none)" : s.toString();
  }
}
