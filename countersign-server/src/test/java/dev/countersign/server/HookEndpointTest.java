package dev.countersign.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.countersign.analyze.Analyzers;
import dev.countersign.analyze.InputLimits;
import dev.countersign.config.org.OrgYaml;
import dev.countersign.directory.Directory;
import dev.countersign.model.ChangeKind;
import dev.countersign.policy.PolicyException;
import dev.countersign.server.agent.Narrowing;
import dev.countersign.server.agent.ProtectedPaths;
import dev.countersign.server.agent.ToolMapper;
import dev.countersign.store.AuthenticatedToken;
import dev.countersign.store.Store;
import dev.countersign.store.StoreConfig;
import dev.countersign.store.TokenScope;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hook endpoint fails closed when deciding itself fails. */
class HookEndpointTest {
  @TempDir Path dir;

  @Test
  void policyThatCannotBeEvaluated_isADenyThatSaysSo() throws Exception {
    try (Store store = Store.open(StoreConfig.h2File(dir))) {
      Directory directory = OrgYaml.parse(TestServer.ORG, "test-org.yaml");
      JsonCodec json = new JsonCodec(InputLimits.DEFAULT_MAX_BYTES);
      Supplier<PolicyRuntime> broken = () -> {
        throw new PolicyException("rules.yaml:3:7: no such field 'enviroment'");
      };
      ChangeService changes = new ChangeService(store, () -> directory, broken,
          (kind, content) -> Analyzers.standard().analyze(content, InputLimits.defaults()),
          () -> Instant.parse("2026-11-22T10:00:00Z"), json);
      ToolMapper tools = new ToolMapper(
          c -> Analyzers.standard().analyze(ChangeKind.SHELL, c.getBytes(StandardCharsets.UTF_8), InputLimits.defaults()),
          ProtectedPaths.defaults());
      HookEndpoint endpoint = new HookEndpoint(
          new AgentGate(store, changes, tools, () -> Instant.parse("2026-11-22T10:00:00Z"), AgentGate.Hold.none()), json);
      AuthenticatedToken token =
          new AuthenticatedToken("tok_1", "kiro-7", Optional.of(new TokenScope("production", List.of("payments-api"))));

      byte[] answer = endpoint.answer(token,
          () -> HookEndToEndTest.bash("ls").getBytes(StandardCharsets.UTF_8), Narrowing.NONE);

      JsonNode out = new ObjectMapper().readTree(answer).path("hookSpecificOutput");
      assertThat(out.path("permissionDecision").asText()).isEqualTo("deny");
      assertThat(out.path("permissionDecisionReason").asText()).contains("policy could not be evaluated").contains("rules.yaml:3:7");
    }
  }
}
