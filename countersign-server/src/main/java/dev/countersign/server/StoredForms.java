package dev.countersign.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.countersign.model.Action;
import dev.countersign.model.Analysis;
import dev.countersign.model.BlastRadius;
import dev.countersign.model.ChangeKind;
import dev.countersign.model.Finding;
import dev.countersign.model.ServiceImpact;
import dev.countersign.model.Severity;
import dev.countersign.model.Verb;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The JSON form in which an analysis is stored with its change: complete (content hashes included),
 * so a change can be re-decided later without re-parsing its content.
 */
final class StoredForms {
  private final JsonCodec json;

  StoredForms(JsonCodec json) {
    this.json = json;
  }

  /** Serialises an analysis completely. */
  String writeAnalysis(Analysis a) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("kind", a.kind().wire());
    List<Object> actions = new ArrayList<>();
    for (Action x : a.actions()) {
      Map<String, Object> am = new LinkedHashMap<>();
      am.put("verb", x.verb().wire());
      am.put("resourceType", x.resourceType());
      am.put("address", x.address());
      am.put("service", x.service());
      am.put("stateful", x.stateful());
      am.put("reason", x.reason());
      am.put("contentHash", x.contentHash());
      actions.add(am);
    }
    m.put("actions", actions);
    List<Object> findings = new ArrayList<>();
    for (Finding f : a.findings()) {
      findings.add(
          Map.of("severity", f.severity().wire(), "code", f.code(), "message", f.message(), "address", f.address()));
    }
    m.put("findings", findings);
    List<Object> services = new ArrayList<>();
    for (ServiceImpact s : a.blastRadius().services()) {
      services.add(
          Map.of("id", s.id(), "owner", s.owner(), "tier", s.tier(), "customerFacing", s.customerFacing(), "direct", s.direct()));
    }
    m.put("blastRadius", Map.of("services", services));
    return json.writeString(m);
  }

  /** Reads back what {@link #writeAnalysis} wrote. */
  Analysis readAnalysis(String text) {
    try {
      JsonNode n = json.mapper().readTree(text);
      ChangeKind kind =
          ChangeKind.fromWire(n.path("kind").asText())
              .orElseThrow(() -> new IllegalStateException("stored analysis has an unknown kind"));
      List<Action> actions = new ArrayList<>();
      for (JsonNode x : n.path("actions")) {
        actions.add(
            new Action(
                Verb.fromWire(x.path("verb").asText()),
                x.path("resourceType").asText(),
                x.path("address").asText(),
                x.path("service").asText(),
                x.path("stateful").asBoolean(),
                x.path("reason").asText(),
                x.path("contentHash").asText()));
      }
      List<Finding> findings = new ArrayList<>();
      for (JsonNode f : n.path("findings")) {
        findings.add(
            new Finding(
                Severity.valueOf(f.path("severity").asText().toUpperCase(Locale.ROOT)),
                f.path("code").asText(),
                f.path("message").asText(),
                f.path("address").asText()));
      }
      List<ServiceImpact> services = new ArrayList<>();
      for (JsonNode s : n.path("blastRadius").path("services")) {
        services.add(
            new ServiceImpact(
                s.path("id").asText(),
                s.path("owner").asText(),
                s.path("tier").asInt(),
                s.path("customerFacing").asBoolean(),
                s.path("direct").asBoolean()));
      }
      return new Analysis(kind, actions, findings, new BlastRadius(services));
    } catch (IOException e) {
      throw new UncheckedIOException("stored analysis is not readable JSON", e);
    }
  }
}
