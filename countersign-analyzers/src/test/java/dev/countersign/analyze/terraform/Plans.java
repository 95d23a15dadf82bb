package dev.countersign.analyze.terraform;

import dev.countersign.analyze.InputLimits;
import dev.countersign.model.Analysis;
import java.nio.charset.StandardCharsets;

/** Small hand-written plans for unit tests. */
final class Plans {

  private Plans() {}

  static String plan(String... resourceChanges) {
    return "{\"format_version\":\"1.2\",\"terraform_version\":\"1.9.0\",\"resource_changes\":["
        + String.join(",", resourceChanges)
        + "]}";
  }

  /** A managed resource change; {@code actions} is JSON, e.g. {@code ["delete"]}. */
  static String change(String address, String type, String actions) {
    return change(address, type, actions, "{\"id\":\"1\"}", "null", "");
  }

  static String change(
      String address, String type, String actions, String before, String after, String extra) {
    return "{\"address\":\""
        + address
        + "\",\"mode\":\"managed\",\"type\":\""
        + type
        + "\",\"name\":\"x\",\"provider_name\":\"registry.terraform.io/hashicorp/aws\""
        + extra
        + ",\"change\":{\"actions\":"
        + actions
        + ",\"before\":"
        + before
        + ",\"after\":"
        + after
        + ",\"after_unknown\":{}}}";
  }

  static Analysis analyze(String json) {
    return TerraformPlans.analyzer()
        .analyze(json.getBytes(StandardCharsets.UTF_8), InputLimits.defaults());
  }
}
